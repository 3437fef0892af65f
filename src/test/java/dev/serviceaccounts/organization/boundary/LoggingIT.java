package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The server log and the audit trail under a flood, on a server started as an operator starts
 * one: secrets given as system properties or environment variables are written nowhere, anonymous
 * clients cannot make the log grow, and refused sign-ins are audited in a bounded number of rows.
 * (Its own server, on H2 as shipped; the PostgreSQL run skips it.)
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class LoggingIT {

    private static final int REQUESTS = 1000;
    private static final long MAX_GROWTH_BYTES = 100 * 1024;

    private static String marker() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void noSettingIsLoggedAndAnonymousRequestsCannotFloodTheLog() throws Exception {
        String systemProperty = marker();
        String environment = marker();
        String password = "marker-" + marker().substring(0, 20);
        try (var server = new StandaloneServer("logging", Map.of("CREDENTIAL_HMAC_KEY", environment, "ADMIN_PASSWORD", password),
                List.of("-DCREDENTIAL_HMAC_KEY=" + systemProperty))) {
            server.start();
            var anonymous = Api.at(server.root());
            anonymous.as("admin", password).get("api/v1/me").expect(200);

            Path log = server.base().resolve("log/server.log");
            long before = Files.size(log);
            for (int i = 0; i < REQUESTS; i++) {
                anonymous.get(i % 2 == 0 ? "login.xhtml" : "admin/accounts.xhtml");
            }
            long afterConsole = Files.size(log);
            long started = System.nanoTime();
            var pool = Executors.newFixedThreadPool(2); // each refusal costs a full PBKDF2 check, by design
            try {
                var refusals = new ArrayList<Future<Integer>>();
                for (int i = 0; i < REQUESTS; i++) {
                    String username = i % 2 == 0 ? "admin" : "nobody-" + i;
                    String guess = "wrong-password-" + i;
                    refusals.add(pool.submit(() -> anonymous.as(username, guess).get("api/v1/me").status()));
                }
                for (var refusal : refusals) {
                    int status = refusal.get();
                    assertTrue(status == 401 || status == 429, "a bad sign-in is refused: " + status);
                }
            } finally {
                pool.shutdownNow();
            }
            long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes() + 1;
            long afterSignIns = Files.size(log);
            System.out.printf("server.log grew %d bytes for %d anonymous console requests and %d bytes for %d bad sign-ins%n",
                    afterConsole - before, REQUESTS, afterSignIns - afterConsole, REQUESTS);
            assertTrue(afterConsole - before < MAX_GROWTH_BYTES, "console requests grew the log by " + (afterConsole - before));
            assertTrue(afterSignIns - afterConsole < MAX_GROWTH_BYTES, "bad sign-ins grew the log by " + (afterSignIns - afterConsole));

            // every kind of refusal is in the audit trail, with the username and address; the flood wrote few rows.
            // 127.0.0.1 is throttled by now (the defaults: 5 failures per username, 50 per address), so ask from elsewhere
            var audited = anonymous.as("admin", password)
                    .getFrom("127.0.0.2", "api/v1/audit-events?action=AUTHENTICATION_FAILED&targetKind=MEMBER&size=100").expect(200).json();
            var reasons = audited.getJsonArray("items").stream().map(e -> e.asJsonObject().getJsonObject("details").getString("reason"))
                    .distinct().sorted().toList();
            assertEquals(List.of("THROTTLED", "UNKNOWN_USERNAME", "WRONG_PASSWORD"), reasons, audited.toString());
            var wrong = audited.getJsonArray("items").stream().map(e -> e.asJsonObject())
                    .filter(e -> e.getJsonObject("details").getString("reason").equals("WRONG_PASSWORD")).findFirst().orElseThrow();
            assertEquals("admin", wrong.getJsonObject("details").getString("username"));
            assertEquals("127.0.0.1", wrong.getString("sourceIp"));
            assertEquals("ANONYMOUS", wrong.getJsonObject("actor").getString("kind"));
            int rows = audited.getInt("totalItems");
            System.out.printf("%d refused sign-ins over %d minute(s) wrote %d audit rows%n", REQUESTS, minutes, rows);
            assertTrue(rows <= 3 * minutes, "at most one row a minute per member or address and reason, not " + rows);

            server.stop();
            var places = new ArrayList<Path>();
            places.add(server.base().resolve("console.log"));
            try (Stream<Path> logs = Files.list(server.base().resolve("log"))) {
                logs.forEach(places::add);
            }
            assertTrue(places.size() >= 2, places.toString());
            for (Path place : places) {
                String text = Files.readString(place);
                for (String secret : List.of(systemProperty, environment, password)) {
                    assertFalse(text.contains(secret), "a configured secret appears in " + place);
                }
            }
            assertEquals(0, Files.readString(log).lines().filter(l -> l.contains(" DEBUG ") || l.contains(" FINE")).count(),
                    "nothing below INFO is written");
        }
    }
}
