package dev.serviceaccounts.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import dev.serviceaccounts.WebhookReceiver;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The outbox outlives the server: a delivery its receiver refused is still pending when the server
 * stops, and the restarted server sends it, with the same id. (A node that dies in the middle of an
 * attempt leaves its lease, WEBHOOK_TIMEOUT_SECONDS and a margin, to run out first.) (Its own server, on H2 as shipped;
 * the PostgreSQL run skips it.)
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class WebhookRestartIT {

    @Test
    void aPendingDeliveryIsSentAfterARestart() throws Exception {
        String password = "owner-" + UUID.randomUUID();
        try (var receiver = new WebhookReceiver();
             var server = new StandaloneServer("webhook-restart", Map.of("ADMIN_PASSWORD", password,
                     "WEBHOOK_ALLOW_LOOPBACK", "true", "WEBHOOK_RETRY_SECONDS", "3"))) {
            server.start();
            var owner = Api.at(server.root()).as("admin", password);
            receiver.answer(request -> 503);
            var webhook = owner.post("api/v1/webhooks", Json.createObjectBuilder().add("url", receiver.url("in").toString())
                    .add("eventTypes", Json.createArrayBuilder().add("service_account.created")).build()).expect(201).json();
            String secret = webhook.getString("secret");
            String webhookId = webhook.getJsonObject("webhook").getString("id");
            owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "survives-restart").build()).expect(201);

            var refused = receiver.await(r -> r.answered() == 503, 1, Duration.ofSeconds(60)).get(0);
            Instant deadline = Instant.now().plusSeconds(30);
            while (owner.get("api/v1/webhooks/" + webhookId + "/deliveries").expect(200).json().getJsonArray("items")
                    .getJsonObject(0).getJsonArray("attempts").isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100); // the refusal is recorded: the delivery waits for its retry, not for a lease
            }
            server.stop();
            receiver.answer(request -> 200);
            Instant stopped = Instant.now();
            server.start();

            var delivered = receiver.await(r -> r.id().equals(refused.id()) && r.answered() == 200, 1, Duration.ofSeconds(120)).get(0);
            System.out.printf("delivered %d s after the restart began%n", Duration.between(stopped, Instant.now()).toSeconds());
            assertTrue(delivered.signedWith(secret));
            assertEquals("service_account.created", delivered.type());
            var deliveries = owner.get("api/v1/webhooks/" + webhookId + "/deliveries").expect(200).json().getJsonArray("items");
            assertEquals(1, deliveries.size());
            assertEquals("DELIVERED", deliveries.getJsonObject(0).getString("status"));
            var answers = deliveries.getJsonObject(0).getJsonArray("attempts").stream()
                    .map(a -> a.asJsonObject().getInt("statusCode")).toList();
            assertEquals(200, answers.get(answers.size() - 1));
            assertTrue(answers.subList(0, answers.size() - 1).stream().allMatch(code -> code == 503), answers.toString());
            assertEquals(List.of(), receiver.received(r -> !r.id().equals(refused.id())), "nothing else was sent");
        }
    }
}
