package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;

/** A service account created together with its first credential; the secret is shown this once. */
public record AccountWithCredential(ServiceAccountView account, IssuedCredential credential) {
}
