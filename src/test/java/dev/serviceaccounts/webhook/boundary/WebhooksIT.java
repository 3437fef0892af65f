package dev.serviceaccounts.webhook.boundary;

import static dev.serviceaccounts.WebhookReceiver.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.Fixtures;
import dev.serviceaccounts.ServerClock;
import dev.serviceaccounts.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end, against a receiver on loopback: signed per Standard Webhooks, retried after
 * a failure with the same id, and the owners' warnings (expiring, expired, idle) sent exactly once
 * each as the server's clock moves. (The test server scans every 2 s and retries after 1 s.)
 */
class WebhooksIT extends ApiIT {

    private static final String WEBHOOKS = "api/v1/webhooks";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private JsonObject register(WebhookReceiver receiver, List<String> types) {
        var body = Json.createObjectBuilder().add("url", receiver.url("hooks").toString())
                .add("eventTypes", Json.createArrayBuilder(types)).add("description", "test receiver").build();
        var reply = owner.post(WEBHOOKS, body).expect(201);
        assertTrue(reply.header("Cache-Control").contains("no-store"), "the secret is never cached");
        return reply.json();
    }

    @Test
    void deliversSignedEventsRetriesAFailureAndWarnsOnceEachAsTimePasses() throws Exception {
        var clock = new ServerClock();
        try (var receiver = new WebhookReceiver()) {
            var created = register(receiver, List.of("service_account.created", "credential.expiring", "credential.expired",
                    "service_account.idle", "service_account.deleted"));
            String secret = created.getString("secret");
            String webhookId = created.getJsonObject("webhook").getString("id");
            assertTrue(secret.startsWith("whsec_"), secret);
            assertFalse(owner.get(WEBHOOKS + "/" + webhookId).expect(200).body().contains(secret), "shown once");
            try {
                // the first delivery of each id is answered 500: it must come again, with the same id
                var failedOnce = ConcurrentHashMap.<String>newKeySet();
                receiver.answer(request -> failedOnce.add(request.id()) ? 500 : 200);

                var account = owner.post("api/v1/service-accounts", Json.createObjectBuilder()
                        .add("identifier", Fixtures.unique("hooked")).add("credential", Json.createObjectBuilder().add("lifetimeDays", 20))
                        .build()).expect(201).json().getJsonObject("account");
                String accountId = account.getString("id");

                var createdEvents = receiver.await(event("service_account.created", accountId), 2, PATIENCE);
                assertEquals(List.of(500, 200), createdEvents.stream().map(WebhookReceiver.Received::answered).toList());
                assertEquals(1, createdEvents.stream().map(WebhookReceiver.Received::id).distinct().count(), "a retry keeps its id");
                var payload = createdEvents.get(0).json();
                assertEquals(account.getString("identifier"), payload.getJsonObject("data").getJsonObject("target").getString("name"));

                // every attempt is visible: when, the answer, how long
                var delivery = owner.get(WEBHOOKS + "/" + webhookId + "/deliveries?size=500").expect(200).json().getJsonArray("items")
                        .stream().map(JsonObject.class::cast).filter(d -> d.getString("id").equals(createdEvents.get(0).id()))
                        .findFirst().orElseThrow();
                assertEquals("DELIVERED", delivery.getString("status"));
                assertEquals(List.of(500, 200), delivery.getJsonArray("attempts").stream()
                        .map(a -> a.asJsonObject().getInt("statusCode")).toList());

                clock.advance(Duration.ofDays(7)); // 13 days left: within the policy's 14
                var expiring = receiver.await(event("credential.expiring", accountId), 1, PATIENCE).get(0).json();
                assertEquals(13, expiring.getJsonObject("data").getJsonObject("details").getInt("daysLeft"));
                clock.advance(Duration.ofDays(21));
                receiver.await(event("credential.expired", accountId), 1, PATIENCE);
                clock.advance(Duration.ofDays(91)); // never used, 91 days old: idle after the policy's 90
                receiver.await(event("service_account.idle", accountId), 1, PATIENCE);

                owner.delete("api/v1/service-accounts/" + accountId).expect(204);
                receiver.await(event("service_account.deleted", accountId), 1, PATIENCE);

                Thread.sleep(6_000); // three more scans: none may warn again
                for (String type : List.of("credential.expiring", "credential.expired", "service_account.idle",
                        "service_account.deleted")) {
                    var sent = receiver.received(event(type, accountId));
                    assertEquals(1, sent.stream().map(WebhookReceiver.Received::id).distinct().count(), type + " exactly once");
                }
                for (var request : receiver.received(r -> true)) {
                    assertTrue(request.signedWith(secret), "signed: " + request.id());
                    long skew = Math.abs(Long.parseLong(request.timestamp()) - Instant.now().getEpochSecond());
                    assertTrue(skew < Duration.ofDays(120).toSeconds(), "a unix timestamp in seconds");
                }

                // "send test event" reaches the receiver too
                var test = owner.post(WEBHOOKS + "/" + webhookId + "/test", "").expect(202).json();
                var sent = receiver.await(r -> r.id().equals(test.getString("id")) && r.answered() == 200, 1, PATIENCE);
                assertEquals("webhook.test", sent.get(0).type());
            } finally {
                clock.reset();
                owner.delete(WEBHOOKS + "/" + webhookId).expect(204);
            }
        }
    }

    @Test
    void onlyOrganizationAdminsManageWebhooksAndBadInputChangesNothing() throws Exception {
        var user = fixtures.member("USER").api();
        var teamAdmin = fixtures.teamAdmin(fixtures.team()).api();
        var body = Json.createObjectBuilder().add("url", "https://hooks.example.com/x")
                .add("eventTypes", Json.createArrayBuilder().add("service_account.created")).build();
        user.post(WEBHOOKS, body).problem(403);
        teamAdmin.post(WEBHOOKS, body).problem(403);
        teamAdmin.get(WEBHOOKS).problem(403);

        long before = owner.get(WEBHOOKS).expect(200).json().getJsonNumber("totalItems").longValue();
        for (String url : List.of("ftp://hooks.example.com/x", "https://user:pw@hooks.example.com/x", "/relative", "http://", "")) {
            var problem = owner.post(WEBHOOKS, Json.createObjectBuilder(body).add("url", url).build()).problem(422);
            assertEquals("url", problem.getJsonArray("errors").getJsonObject(0).getString("field"), url);
        }
        var unknownType = owner.post(WEBHOOKS, Json.createObjectBuilder(body)
                .add("eventTypes", Json.createArrayBuilder().add("credential.exploded")).build()).problem(422);
        assertEquals("/eventTypes/0", unknownType.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        owner.post(WEBHOOKS, Json.createObjectBuilder(body).add("eventTypes", Json.createArrayBuilder()).build()).problem(422);
        owner.post(WEBHOOKS, Json.createObjectBuilder(body).add("secret", "mine").build()).problem(400);
        assertEquals(before, owner.get(WEBHOOKS).expect(200).json().getJsonNumber("totalItems").longValue(), "nothing created");

        // a webhook pointed at the cloud metadata address is never connected to
        var metadata = owner.post(WEBHOOKS, Json.createObjectBuilder(body).add("url", "http://169.254.169.254/latest/").build())
                .expect(201).json().getJsonObject("webhook");
        String id = metadata.getString("id");
        try {
            owner.patch(WEBHOOKS + "/" + id, Json.createObjectBuilder().add("events", "x").build()).problem(400);
            var changed = owner.patch(WEBHOOKS + "/" + id, Json.createObjectBuilder().add("enabled", false).build()).expect(200).json();
            assertFalse(changed.getBoolean("enabled"));
            owner.post(WEBHOOKS + "/" + id + "/test", "").expect(202);
            Instant deadline = Instant.now().plus(PATIENCE);
            Set<String> errors = Set.of();
            while (errors.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                errors = owner.get(WEBHOOKS + "/" + id + "/deliveries").expect(200).json().getJsonArray("items").stream()
                        .flatMap(d -> d.asJsonObject().getJsonArray("attempts").stream())
                        .map(a -> a.asJsonObject().getString("error", "")).collect(Collectors.toSet());
            }
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("address not allowed")), errors.toString());
        } finally {
            owner.delete(WEBHOOKS + "/" + id).expect(204);
        }
        owner.get(WEBHOOKS + "/" + id).problem(404);
    }
}
