/**
 * Several nodes: what one node announces as {@link dev.serviceaccounts.EveryNode} reaches every
 * other node through WildFly's own clustering (the JGroups channel's command dispatcher), and a
 * node whose view of the cluster changes forgets what it may have missed. Nothing here knows what
 * the events mean; the caches that observe them do. No component imports this one; it imports the
 * root events and, for its one resource, the access policy.
 */
package dev.serviceaccounts.cluster;
