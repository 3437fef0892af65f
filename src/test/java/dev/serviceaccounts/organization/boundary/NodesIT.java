package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import dev.serviceaccounts.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two nodes on one PostgreSQL database, started at the same moment on an empty database, as an
 * operator starts a deployment of two: the work that must happen once happens once (one
 * organization, one OWNER, one signing key, one delivery per webhook event), both answer, what one
 * writes the other reads, failed sign-ins on one throttle on the other, and a JWT either signs the
 * other accepts (they share CREDENTIAL_HMAC_KEY and JWT_ISSUER, as the README
 * asks). Until the nodes share invalidations, a credential revoked on one node is refused
 * by the other within the credential cache's time to live, which this test measures. Real
 * processes on loopback, port offsets 300 and 400. (The PostgreSQL run only.)
 */
@EnabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class NodesIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final long TTL_SECONDS = 3;

    @Test
    void twoNodesStartedTogetherOnAnEmptyDatabaseShareOneOrganizationOwnerAndSigningKey() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String password = "owner-" + UUID.randomUUID();
        var environment = Map.of("DB_DRIVER", "postgresql", "DB_URL", System.getProperty("it.pg.nodes.url"),
                "DB_USER", System.getProperty("it.pg.user"), "DB_PASSWORD", System.getProperty("it.pg.password"),
                "ADMIN_PASSWORD", password, "CREDENTIAL_HMAC_KEY", Base64.getEncoder().encodeToString(key),
                "JWT_ISSUER", "http://accounts.nodes.test", "CREDENTIAL_CACHE_TTL_SECONDS", Long.toString(TTL_SECONDS),
                "WEBHOOK_ALLOW_LOOPBACK", "true");
        var pool = Executors.newFixedThreadPool(2);
        try (var receiver = new WebhookReceiver();
             var a = new StandaloneServer("node-a", 300, environment, List.of());
             var b = new StandaloneServer("node-b", 400, environment, List.of())) {
            var started = List.of(pool.submit(() -> start(a)), pool.submit(() -> start(b)));
            for (var start : started) {
                start.get();
            }
            var nodeA = Api.at(a.root()).as("admin", password);
            var nodeB = Api.at(b.root()).as("admin", password);

            String organization = nodeA.get("api/v1/organization").expect(200).json().getString("id");
            assertEquals(organization, nodeB.get("api/v1/organization").expect(200).json().getString("id"), "one organization");
            var owners = nodeB.get("api/v1/members?size=500").expect(200).json().getJsonArray("items").stream()
                    .map(JsonObject.class::cast).filter(m -> m.getString("orgRole").equals("OWNER")).toList();
            assertEquals(1, owners.size(), owners.toString());

            // the first signing key is made on first use: both nodes ask at once
            var asked = new ArrayList<Future<JsonObject>>();
            for (Api node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                asked.add(pool.submit((Callable<JsonObject>) () -> Json.createObjectBuilder()
                        .add("keys", node.get("api/v1/organization/signing-keys").expect(200).array()).build()));
            }
            for (var answer : asked) {
                answer.get();
            }
            var keys = nodeB.get("api/v1/organization/signing-keys").expect(200).array();
            assertEquals(1, keys.stream().filter(k -> !k.asJsonObject().containsKey("retiredAt") || k.asJsonObject().isNull("retiredAt"))
                    .count(), "one key signs: " + keys);
            assertEquals(keys, nodeA.get("api/v1/organization/signing-keys").expect(200).array());

            // a webhook registered on A; both nodes dispatch, each event is sent once
            nodeA.post("api/v1/webhooks", Json.createObjectBuilder().add("url", receiver.url("nodes").toString())
                    .add("eventTypes", Json.createArrayBuilder().add("service_account.created")).build()).expect(201);

            // what A writes, B reads; a JWT either node signs, the other accepts
            var created = nodeA.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "on-node-a")
                    .add("credential", Json.createObjectBuilder()).build()).expect(201).json();
            String id = created.getJsonObject("account").getString("id");
            nodeB.get("api/v1/service-accounts/" + id).expect(200);
            var client = Api.at(a.root()).as(created.getJsonObject("credential").getString("keyId"),
                    created.getJsonObject("credential").getString("secret"));
            for (var pair : List.of(List.of(a, b), List.of(b, a))) {
                String token = Api.at(pair.get(0).root()).withAuthorization(client.authorization())
                        .send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200).json().getString("access_token");
                var me = Api.at(pair.get(1).root()).withAuthorization("Bearer " + token).get("api/v1/me").expect(200).json();
                assertEquals("on-node-a", me.getString("name"));
            }
            assertTrue(nodeB.get("api/v1/audit-events?targetId=" + id).expect(200).json().getInt("totalItems") >= 2);

            // Until the nodes share invalidations, a revoke on A reaches B within the cache's time to live
            var onB = Api.at(b.root()).withAuthorization(client.authorization());
            onB.get("api/v1/me").expect(200); // B holds the credential now
            String keyId = created.getJsonObject("credential").getString("keyId");
            nodeA.post("api/v1/service-accounts/" + id + "/credentials/" + keyId + "/revoke", "{}").expect(200);
            long revoked = System.nanoTime();
            while (onB.get("api/v1/me").status() == 200) {
                assertTrue(System.nanoTime() - revoked < java.util.concurrent.TimeUnit.SECONDS.toNanos(TTL_SECONDS + 2),
                        "B still accepts the revoked credential after the cache's time to live");
                Thread.sleep(100);
            }
            System.out.printf("node B refused the credential revoked on node A after %d ms (time to live %d s)%n",
                    (System.nanoTime() - revoked) / 1_000_000, TTL_SECONDS);

            var createdEvent = WebhookReceiver.event("service_account.created", id);
            receiver.await(createdEvent, 1, java.time.Duration.ofSeconds(60));
            Thread.sleep(5_000); // several rounds of both nodes' dispatchers
            assertEquals(1, receiver.received(createdEvent).size(), "one delivery, by one node, for one event");

            // failed sign-ins counted on A throttle on B: the counts live in the shared database
            for (int i = 0; i < 5; i++) { // the default limit per username and address
                Api.at(a.root()).as("nobody", "guess-" + i).get("api/v1/me").expect(401);
            }
            var refused = Api.at(b.root()).as("nobody", "guess").get("api/v1/me").problem(429);
            assertTrue(refused.getString("detail").contains("Try again"), refused.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void start(StandaloneServer server) throws Exception {
        server.start();
        return null;
    }
}
