package dev.serviceaccounts.member.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.Browser;
import dev.serviceaccounts.StandaloneServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * Guessing members' passwords, as an attacker on the network would, against a server of its own
 * with small limits: 3 failures per username and address, 8 per address, a back-off of 2 s doubled
 * with every further failure. Each test sends from its own loopback addresses (127.0.0.x, all
 * this machine's), so the server sees different clients. (On H2 as shipped; the PostgreSQL run skips it.)
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class SignInThrottleIT {

    private static final int PER_USERNAME = 3;
    private static final int PER_ADDRESS = 8;
    private static final long BACKOFF = 2;
    private static final long MAX_BACKOFF = 60;

    private static final String PASSWORD = "right-" + UUID.randomUUID();
    private static StandaloneServer server;
    private static Api anonymous;

    @BeforeAll
    static void start() throws Exception {
        server = new StandaloneServer("throttle", Map.of("ADMIN_PASSWORD", PASSWORD,
                "SIGN_IN_MAX_FAILURES", Integer.toString(PER_USERNAME), "SIGN_IN_MAX_FAILURES_PER_ADDRESS", Integer.toString(PER_ADDRESS),
                "SIGN_IN_BACKOFF_SECONDS", Long.toString(BACKOFF), "SIGN_IN_BACKOFF_MAX_SECONDS", Long.toString(MAX_BACKOFF),
                "PASSWORD_HASH_ITERATIONS", "10000"));
        server.start();
        anonymous = Api.at(server.root());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static Api.Reply me(String from, String username, String password) {
        return anonymous.as(username, password).getFrom(from, "api/v1/me");
    }

    /** A refusal for too many failures: 429, Retry-After in whole seconds, a problem document without the reason's details. */
    private static long throttled(Api.Reply reply) {
        var problem = reply.problem(429);
        assertEquals("Too Many Requests", problem.getString("title"));
        long retryAfter = Long.parseLong(reply.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= MAX_BACKOFF, "Retry-After " + retryAfter);
        assertTrue(problem.getString("detail").contains("Try again in " + retryAfter + " seconds"), problem.toString());
        return retryAfter;
    }

    private static void waitFor(long seconds) throws InterruptedException {
        Thread.sleep(seconds * 1000 + 300);
    }

    @Test
    void afterTooManyFailuresTheRightPasswordWaitsButNotFromAnotherAddress() throws Exception {
        for (int i = 0; i < PER_USERNAME; i++) {
            me("127.0.0.10", "admin", "wrong-" + i).expect(401);
        }
        long retryAfter = throttled(me("127.0.0.10", "admin", PASSWORD)); // the right password, unchecked
        assertTrue(retryAfter <= BACKOFF, "the first back-off: " + retryAfter);
        me("127.0.0.11", "admin", PASSWORD).expect(200); // the attacker locks out only their own address

        waitFor(retryAfter);
        me("127.0.0.10", "admin", PASSWORD).expect(200); // the limit has reset
        me("127.0.0.10", "admin", "wrong-again").expect(401); // and the success forgot the failures
        me("127.0.0.10", "admin", PASSWORD).expect(200);
    }

    @Test
    void theBackOffDoublesWithEveryFurtherFailure() throws Exception {
        for (int i = 0; i < PER_USERNAME; i++) {
            me("127.0.0.12", "admin", "wrong-" + i).expect(401);
        }
        waitFor(throttled(me("127.0.0.12", "admin", "wrong")));
        me("127.0.0.12", "admin", "wrong-after-the-wait").expect(401); // checked again, and counted
        long doubled = throttled(me("127.0.0.12", "admin", PASSWORD));
        assertTrue(doubled > BACKOFF && doubled <= 2 * BACKOFF, "the second back-off is twice the first: " + doubled);
        waitFor(doubled);
        me("127.0.0.12", "admin", PASSWORD).expect(200);
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeAKnownOne() throws Exception {
        for (int i = 0; i < PER_USERNAME; i++) {
            me("127.0.0.13", "nobody-here", "wrong-" + i).expect(401);
            me("127.0.0.14", "admin", "wrong-" + i).expect(401);
        }
        var unknown = me("127.0.0.13", "nobody-here", "wrong");
        var known = me("127.0.0.14", "admin", "wrong");
        throttled(unknown);
        throttled(known);
        assertEquals(known.problem(429).getString("type"), unknown.problem(429).getString("type"));
        assertEquals(known.header("Content-Type"), unknown.header("Content-Type"));

        // each kind of refusal is audited: no actor, the username tried, the address and the reason
        var events = anonymous.as("admin", PASSWORD).getFrom("127.0.0.15",
                "api/v1/audit-events?action=AUTHENTICATION_FAILED&targetKind=MEMBER&size=100").expect(200).json();
        var fromUnknown = events.getJsonArray("items").stream().map(e -> e.asJsonObject())
                .filter(e -> "127.0.0.13".equals(e.getString("sourceIp", null))).toList();
        assertEquals(List.of("THROTTLED", "UNKNOWN_USERNAME"),
                fromUnknown.stream().map(e -> e.getJsonObject("details").getString("reason")).sorted().toList(), events.toString());
        fromUnknown.forEach(e -> {
            assertEquals("nobody-here", e.getJsonObject("details").getString("username"));
            assertEquals("ANONYMOUS", e.getJsonObject("actor").getString("kind"));
        });
    }

    @Test
    void oneAddressTryingManyUsernamesIsThrottledWhateverTheUsername() {
        for (int i = 0; i < PER_ADDRESS; i++) {
            me("127.0.0.16", "sprayed-" + i, "password").expect(401);
        }
        throttled(me("127.0.0.16", "admin", PASSWORD));
        throttled(me("127.0.0.16", "sprayed-new", "password"));
        me("127.0.0.17", "admin", PASSWORD).expect(200);
    }

    @Test
    void concurrentFailuresAreEachCountedAndAnswered() throws Exception {
        int attempts = 12;
        var pool = Executors.newFixedThreadPool(attempts);
        var answers = new ArrayList<Future<Integer>>();
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < attempts; i++) {
                String guess = "race-" + i;
                answers.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return me("127.0.0.18", "admin", guess).status();
                }));
            }
            start.countDown();
            int checked = 0;
            for (var answer : answers) {
                int status = answer.get();
                assertTrue(status == 401 || status == 429, "a refusal, never a fault: " + status);
                checked += status == 401 ? 1 : 0;
            }
            assertTrue(checked >= PER_USERNAME, "at least the limit was checked: " + checked);
            // every checked failure was counted: the back-off is what that many failures earn, none lost to the race
            long earned = Math.min(BACKOFF << (checked - PER_USERNAME), MAX_BACKOFF);
            long retryAfter = throttled(me("127.0.0.18", "admin", PASSWORD));
            System.out.printf("%d concurrent failures: %d checked, Retry-After %d s (earned %d s)%n", attempts, checked, retryAfter, earned);
            assertTrue(retryAfter >= earned - 10, checked + " failures earn " + earned + " s, but Retry-After is " + retryAfter);
        } finally {
            pool.shutdownNow();
        }
        String log = Files.readString(server.base().resolve("log/server.log"));
        assertFalse(log.lines().anyMatch(line -> line.matches("^\\S+ \\S+ (ERROR|SEVERE) .*")), "no error in the server log");
    }

    @Test
    void theConsoleSaysWhenSignInIsPausedAndLetsTheMemberInAfterTheWait() throws Exception {
        String username = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "carol-" + UUID.randomUUID();
        JsonObject member = Json.createObjectBuilder().add("username", username).add("displayName", "Carol")
                .add("password", password).add("orgRole", "USER").build();
        anonymous.as("admin", PASSWORD).post("api/v1/members", member).expect(201);
        try (var browser = new Browser(server.root())) {
            for (int i = 0; i < PER_USERNAME; i++) {
                browser.signIn(username, "wrong-" + i);
                assertEquals(List.of("Wrong username or password."), browser.messages());
            }
            browser.signIn(username, password);
            assertEquals("/login.xhtml", browser.path());
            var messages = browser.messages();
            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).startsWith("Too many failed sign-ins: signing in from your address is paused. Try again in "),
                    messages.toString());
            browser.screenshot("sign-in-throttled");
            waitFor(BACKOFF);
            browser.signIn(username, password);
            assertEquals("/admin/accounts.xhtml", browser.path());
        }
    }
}
