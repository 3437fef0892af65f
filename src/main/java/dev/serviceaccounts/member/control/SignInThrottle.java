package dev.serviceaccounts.member.control;

import dev.serviceaccounts.member.entity.FailureCount;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles guessing of members' passwords, on the API and the console alike. Failures are counted
 * per username and address and per address, in the database, so every node sees them. From
 * {@code SIGN_IN_MAX_FAILURES} failures of one username from one address (or
 * {@code SIGN_IN_MAX_FAILURES_PER_ADDRESS} from one address, whatever the usernames) on, that
 * username from that address (or that address) is refused without a password check for a back-off
 * that doubles with each further failure. The same username from another address is not affected:
 * an attacker cannot lock a member out. A successful sign-in forgets its username and address's
 * failures; failures are forgotten too after {@code SIGN_IN_FORGET_AFTER_SECONDS} without one.
 */
@Stateless
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "SIGN_IN_MAX_FAILURES", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "SIGN_IN_MAX_FAILURES_PER_ADDRESS", defaultValue = "50")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "SIGN_IN_BACKOFF_SECONDS", defaultValue = "30")
    long backOffSeconds;

    @Inject
    @ConfigProperty(name = "SIGN_IN_BACKOFF_MAX_SECONDS", defaultValue = "900")
    long maxBackOffSeconds;

    @Inject
    @ConfigProperty(name = "SIGN_IN_FORGET_AFTER_SECONDS", defaultValue = "3600")
    long forgetAfterSeconds;

    @PostConstruct
    void validate() {
        if (maxFailures < 1 || maxFailuresPerAddress < 1 || backOffSeconds < 1 || maxBackOffSeconds < backOffSeconds
                || forgetAfterSeconds < 1) {
            throw new IllegalStateException("Sign-in throttling needs SIGN_IN_MAX_FAILURES, SIGN_IN_MAX_FAILURES_PER_ADDRESS, "
                    + "SIGN_IN_BACKOFF_SECONDS and SIGN_IN_FORGET_AFTER_SECONDS of at least 1, "
                    + "and SIGN_IN_BACKOFF_MAX_SECONDS of at least SIGN_IN_BACKOFF_SECONDS");
        }
    }

    /** What a sign-in of this username from this address is counted under. */
    public record Attempt(String pair, String address) {

        public static Attempt of(String username, String sourceIp) {
            String ip = sourceIp == null ? "" : sourceIp;
            return new Attempt(hash("user\n" + username + "\n" + ip), hash("address\n" + ip));
        }

        List<String> ids() {
            return List.of(pair, address);
        }
    }

    /** Whether this attempt may be checked now. */
    public record Verdict(Duration refusedFor, boolean hasFailures) {

        public boolean refused() {
            return refusedFor != null;
        }
    }

    /** One read of the attempt's two counts, by primary key. */
    public Verdict check(Attempt attempt) {
        Instant now = clock.instant();
        Duration refusedFor = null;
        boolean pairFailed = false;
        for (FailureCount count : em.createQuery("select c from FailureCount c where c.id in :ids", FailureCount.class)
                .setParameter("ids", attempt.ids()).getResultList()) {
            Duration refused = count.refusedFor(now);
            if (refused != null && (refusedFor == null || refused.compareTo(refusedFor) > 0)) {
                refusedFor = refused;
            }
            pairFailed |= count.id().equals(attempt.pair()) && count.failures() > 0;
        }
        return new Verdict(refusedFor, pairFailed);
    }

    /**
     * Counts a failure under both of the attempt's counts. Every failure is counted under one lock
     * row, so concurrent sign-ins on any node never insert the same row twice or lose a count;
     * a failure costs a full password check before it gets here, so this is never the bottleneck.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(Attempt attempt) {
        Instant now = clock.instant();
        em.find(FailureCount.class, FailureCount.WRITE_LOCK, LockModeType.PESSIMISTIC_WRITE);
        for (String id : attempt.ids()) {
            FailureCount count = em.find(FailureCount.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (count == null) {
                count = new FailureCount(id, now);
                em.persist(count);
            }
            boolean pair = id.equals(attempt.pair());
            count.fail(now, pair ? maxFailures : maxFailuresPerAddress, Duration.ofSeconds(backOffSeconds),
                    Duration.ofSeconds(maxBackOffSeconds), Duration.ofSeconds(forgetAfterSeconds));
        }
    }

    /** A successful sign-in forgets this username's failures from this address (not the address's). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(Attempt attempt) {
        em.createQuery("delete from FailureCount c where c.id = :id").setParameter("id", attempt.pair()).executeUpdate();
    }

    /** Forgets counts nobody has failed under for long enough; every node may run it, it is idempotent. */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void forgetOld() {
        Instant before = clock.instant().minusSeconds(forgetAfterSeconds + maxBackOffSeconds);
        em.createQuery("delete from FailureCount c where c.lastFailure < :before and c.id <> :lock")
                .setParameter("before", before).setParameter("lock", FailureCount.WRITE_LOCK).executeUpdate();
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
