/**
 * Who is calling and what they may do: the HTTP authentication mechanism, the identity store,
 * the {@link dev.serviceaccounts.security.Caller} it produces, and the one
 * {@link dev.serviceaccounts.security.AccessPolicy} every facade consults.
 */
package dev.serviceaccounts.security;
