/**
 * The policy core, below every component: the {@link dev.serviceaccounts.security.Caller} a
 * request acts as, its {@link dev.serviceaccounts.security.OrgRole}, and the one
 * {@link dev.serviceaccounts.security.AccessPolicy} every facade consults. Who the caller is, is
 * decided in {@code dev.serviceaccounts.authentication}.
 */
package dev.serviceaccounts.security;
