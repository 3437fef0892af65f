package dev.serviceaccounts;

import java.util.UUID;

/**
 * Announced, as a CDI event in the changing transaction, by whatever changes what authenticating a
 * service account depends on: its credentials, status, roles, team or deletion (one account), or
 * something many accounts share, such as a team's name (everyone). Caches of authentication state
 * observe it; writers never call a cache. Every node hears it ({@link EveryNode}).
 */
public record AccessChanged(UUID serviceAccountId) implements EveryNode {

    /** A change that may touch any account. */
    public static AccessChanged everyone() {
        return new AccessChanged(null);
    }

    public static AccessChanged of(UUID serviceAccountId) {
        return new AccessChanged(serviceAccountId);
    }

    public boolean everyAccount() {
        return serviceAccountId == null;
    }
}
