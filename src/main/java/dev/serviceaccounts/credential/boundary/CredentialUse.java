package dev.serviceaccounts.credential.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each successful authentication leaves behind, kept in memory on the request path and
 * written to the database in batches by {@link CredentialUseFlush}, never a write per request:
 * when and from where a credential was last used (noted at most once a minute), and how many
 * times each account authenticated per day (UTC).
 */
@ApplicationScoped
public class CredentialUse {

    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final long SECONDS_PER_DAY = 86_400;

    public record Use(Instant at, String ip) {
    }

    record Day(UUID accountId, long epochDay) {
        LocalDate date() {
            return LocalDate.ofEpochDay(epochDay);
        }
    }

    /** Counts of one account and day: the adder only grows; flushed is what the database already holds. */
    private static final class Tally {
        final LongAdder count = new LongAdder();
        volatile long flushed; // written by the flush only

        long unflushed() {
            return count.sum() - flushed;
        }
    }

    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> noted = new ConcurrentHashMap<>();
    private final Map<Day, Tally> tallies = new ConcurrentHashMap<>();

    public void note(UUID credentialId, UUID accountId, String ip, Instant now) {
        tallies.computeIfAbsent(new Day(accountId, Math.floorDiv(now.getEpochSecond(), SECONDS_PER_DAY)), day -> new Tally())
                .count.increment();
        Instant last = noted.get(credentialId);
        if (last == null || !now.isBefore(last.plus(RESOLUTION))) {
            noted.put(credentialId, now);
            pending.put(credentialId, new Use(now, ip));
        }
    }

    public Use pending(UUID credentialId) {
        return pending.get(credentialId);
    }

    /** Authentications of an account on a day that the database does not hold yet. */
    long unflushed(UUID accountId, LocalDate date) {
        Tally tally = tallies.get(new Day(accountId, date.toEpochDay()));
        return tally == null ? 0 : tally.unflushed();
    }

    /** Takes what waits to be written; what arrives meanwhile waits for the next batch. */
    Map<UUID, Use> drain() {
        var batch = new HashMap<UUID, Use>();
        for (UUID id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                batch.put(id, use);
            }
        }
        if (noted.size() > 100_000) {
            noted.clear();
        }
        return batch;
    }

    /**
     * Takes the counts that wait to be written, marking them written; days before yesterday are
     * then forgotten, as no request counts on them any more.
     */
    Map<Day, Long> drainCounts(LocalDate today) {
        var batch = new HashMap<Day, Long>();
        long yesterday = today.toEpochDay() - 1;
        for (var entry : tallies.entrySet()) {
            Tally tally = entry.getValue();
            long total = tally.count.sum();
            if (total > tally.flushed) {
                batch.put(entry.getKey(), total - tally.flushed);
                tally.flushed = total;
            }
            if (entry.getKey().epochDay() < yesterday) {
                tallies.remove(entry.getKey(), tally);
            }
        }
        return batch;
    }

    /** Forgets what was taken but could not be written, so it is written with the next batch. */
    void putBack(Map<Day, Long> counts) {
        counts.forEach((day, n) -> {
            Tally tally = tallies.get(day);
            if (tally != null) {
                tally.flushed -= n;
            }
        });
    }
}
