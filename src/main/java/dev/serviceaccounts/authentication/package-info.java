/**
 * Who is calling: the one HTTP authentication mechanism (API credentials and console sessions),
 * the credential forms it recognises, the identity stores that validate them (members, service
 * credentials and our JWTs), the 401/429 answers, and {@code /api/v1/me}. It leaves a
 * {@link dev.serviceaccounts.security.Caller} on the request; the policy decides the rest.
 */
package dev.serviceaccounts.authentication;
