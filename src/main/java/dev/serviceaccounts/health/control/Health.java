package dev.serviceaccounts.health.control;

/**
 * What "expiring" and "idle" mean, in one place for the warnings (HealthScan) and the reports:
 * JPQL conditions over a credential {@code c} and a service account {@code a}.
 */
public final class Health {

    /** An active credential that expires after {@code :now} and no later than {@code :horizon}. */
    public static final String EXPIRING = "c.revokedAt is null and c.expiresAt > :now and c.expiresAt <= :horizon";

    /** An active credential that expired at or before {@code :now}, unrevoked. */
    public static final String EXPIRED = "c.revokedAt is null and c.expiresAt <= :now";

    /**
     * An enabled account created before {@code :cutoff} whose credentials have not authenticated
     * since: disabled accounts are off on purpose, not forgotten.
     */
    public static final String IDLE = "a.status = dev.serviceaccounts.serviceaccount.entity.Status.ACTIVE and a.createdAt < :cutoff "
            + "and not exists (select u.id from Credential u where u.account = a and u.lastUsedAt >= :cutoff)";

    /** When an account's credentials last authenticated, or null if never. */
    public static final String LAST_USED = "(select max(l.lastUsedAt) from Credential l where l.account = a)";

    private Health() {
    }

    /** Whole days until an expiry, rounded up as people count them: 12 days and 23 hours is "13 days left". */
    public static long daysLeft(java.time.Instant now, java.time.Instant expiresAt) {
        long seconds = java.time.Duration.between(now, expiresAt).getSeconds();
        return seconds <= 0 ? 0 : (seconds + 86_399) / 86_400;
    }
}
