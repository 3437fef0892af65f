package dev.serviceaccounts.credential.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The credential cache never serves a credential after the change that ended it returned:
 * callers hammer a credential from several threads (so it sits in the cache), an admin revokes,
 * rotates it away, disables or deletes its account, and no request that started after that
 * answer arrived may be accepted.
 */
class CredentialCacheIT extends ApiIT {

    private static final int ROUNDS = Integer.getInteger("it.cache.rounds", 5);
    private static final int CALLERS = 6;

    enum Change { REVOKE, ROTATE, DISABLE, DELETE }

    record Call(long startedNanos, int status) {
    }

    @Test
    void noRequestStartedAfterARevocationIsAccepted() throws Exception {
        var lateAcceptances = new ArrayList<String>();
        int refusedAfter = 0;
        for (Change change : Change.values()) {
            for (int round = 0; round < ROUNDS; round++) {
                String id = fixtures.serviceAccount(null).getString("id");
                var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
                Api caller = anonymous.withAuthorization("Bearer " + issued.getString("secret"));
                caller.get("api/v1/me").expect(200);

                var calls = new ConcurrentLinkedQueue<Call>();
                var running = new AtomicBoolean(true);
                var pool = Executors.newFixedThreadPool(CALLERS);
                for (int i = 0; i < CALLERS; i++) {
                    pool.submit(() -> {
                        while (running.get()) {
                            long started = System.nanoTime();
                            calls.add(new Call(started, caller.get("api/v1/me").status()));
                        }
                    });
                }
                long changed;
                try {
                    // the credential is hot in the cache: every caller has been accepted at least twice
                    awaitCalls(calls, c -> c.status() == 200, 2 * CALLERS);
                    String base = "api/v1/service-accounts/" + id;
                    switch (change) {
                        case REVOKE -> owner.post(base + "/credentials/" + issued.getString("keyId") + "/revoke", "{}").expect(200);
                        case ROTATE -> owner.post(base + "/credentials/" + issued.getString("keyId") + "/rotate", "{}").expect(201);
                        case DISABLE -> owner.post(base + "/disable", "").expect(200);
                        case DELETE -> owner.delete(base).expect(204);
                    }
                    changed = System.nanoTime();
                    // every caller has started two calls since on average (however slow the machine), and a little time has passed
                    Thread.sleep(300);
                    awaitCalls(calls, c -> c.startedNanos() > changed, 2 * CALLERS);
                } finally {
                    running.set(false);
                    pool.shutdown();
                }
                assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES));

                List<Call> after = calls.stream().filter(c -> c.startedNanos() > changed).toList();
                long accepted = after.stream().filter(c -> c.status() == 200).count();
                if (accepted > 0) {
                    long lastAcceptedMs = after.stream().filter(c -> c.status() == 200)
                            .mapToLong(c -> (c.startedNanos() - changed) / 1_000_000).max().orElse(0);
                    // What a second look shows tells a stale cache entry from a late database change.
                    lateAcceptances.add(change + " round " + round + ": " + accepted + " of " + after.size()
                            + " accepted, the last one started " + lastAcceptedMs + " ms after the change returned; a call now: "
                            + caller.get("api/v1/me").status() + "; the credentials now: "
                            + owner.get(base + "/credentials").body());
                }
                refusedAfter += (int) after.stream().filter(c -> c.status() == 401).count();
                assertTrue(calls.stream().anyMatch(c -> c.startedNanos() < changed && c.status() == 200),
                        change + ": the credential worked before the change");
            }
        }
        assertEquals(List.of(), lateAcceptances);
        assertTrue(refusedAfter > 0);
    }

    /** Waits, up to five minutes (a starved machine is that slow), until that many finished calls match. */
    private static void awaitCalls(Collection<Call> calls, Predicate<Call> matching, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (calls.stream().filter(matching).count() < count) {
            assertTrue(System.nanoTime() < deadline, "only " + calls.stream().filter(matching).count() + " of " + count
                    + " calls in five minutes: " + calls.stream().map(Call::status).distinct().toList());
            Thread.sleep(10);
        }
    }
}
