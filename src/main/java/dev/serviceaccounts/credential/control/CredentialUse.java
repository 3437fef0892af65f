package dev.serviceaccounts.credential.control;

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

    public record Day(UUID accountId, long epochDay) {
        public LocalDate date() {
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
    public long unflushed(UUID accountId, LocalDate date) {
        Tally tally = tallies.get(new Day(accountId, date.toEpochDay()));
        return tally == null ? 0 : tally.unflushed();
    }

    /**
     * What waits to be written, as it is now. It stays visible to readers until {@link #written}
     * says it is in the database: taken out earlier, it would be in neither place while the flush's
     * transaction runs, and a credential read then showed no last use. Days before yesterday that
     * the database holds in full are forgotten here, as no request counts on them any more.
     */
    public Batch unwritten(LocalDate today) {
        long yesterday = today.toEpochDay() - 1;
        tallies.entrySet().removeIf(entry -> entry.getKey().epochDay() < yesterday && entry.getValue().unflushed() == 0);
        if (noted.size() > 100_000) {
            noted.clear();
        }
        var counts = new HashMap<Day, Long>();
        tallies.forEach((day, tally) -> {
            long unflushed = tally.unflushed();
            if (unflushed > 0) {
                counts.put(day, unflushed);
            }
        });
        return new Batch(Map.copyOf(pending), counts);
    }

    /** What one flush writes: last uses by credential id, and counts not yet in the database. */
    public record Batch(Map<UUID, Use> uses, Map<Day, Long> counts) {
    }

    /**
     * The batch is in the database (its transaction committed): forgets it, but not what arrived
     * since (a newer use of a credential, more authentications), which waits for the next batch.
     */
    public void written(Batch batch) {
        batch.uses().forEach(pending::remove);
        batch.counts().forEach((day, n) -> {
            Tally tally = tallies.get(day);
            if (tally != null) {
                tally.flushed += n;
            }
        });
    }
}
