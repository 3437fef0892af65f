package dev.serviceaccounts.member.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins counted for one thing (a username from an address, or an address), and until when
 * that thing is refused. Its id is a hash of what it counts; see SignInThrottle.
 */
@Entity
@Table(name = "sign_in_failures")
public class FailureCount {

    /** The row never counted: every failure is counted under its lock. */
    public static final String WRITE_LOCK = "-";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure", nullable = false)
    private Instant lastFailure;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected FailureCount() {
    }

    public FailureCount(String id, Instant now) {
        this.id = id;
        this.lastFailure = now;
    }

    public String id() {
        return id;
    }

    public int failures() {
        return failures;
    }

    /** How long from now this thing is still refused, or null when it is not. */
    public Duration refusedFor(Instant now) {
        return blockedUntil == null || !blockedUntil.isAfter(now) ? null : Duration.between(now, blockedUntil);
    }

    /**
     * Counts one more failure. Failures are forgotten after {@code forgetAfter} without one; from
     * {@code limit} failures on, each one refuses further attempts for {@code backOff}, doubled with
     * every failure beyond the limit, at most {@code maxBackOff}.
     */
    public void fail(Instant now, int limit, Duration backOff, Duration maxBackOff, Duration forgetAfter) {
        if (lastFailure.plus(forgetAfter).isBefore(now)) {
            failures = 0;
            blockedUntil = null;
        }
        failures++;
        lastFailure = now;
        if (failures >= limit) {
            int doublings = Math.min(failures - limit, 30);
            Duration wait = backOff.multipliedBy(1L << doublings);
            blockedUntil = now.plus(wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait);
        }
    }
}
