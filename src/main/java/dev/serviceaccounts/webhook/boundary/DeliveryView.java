package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.webhook.entity.WebhookAttempt;
import dev.serviceaccounts.webhook.entity.WebhookDelivery;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery, with every attempt made at it: when, the answer's status code or what went wrong, and how long it took. */
public record DeliveryView(UUID id, String eventType, Instant createdAt, WebhookDelivery.Status status, Instant nextAttemptAt,
                           JsonObject payload, List<AttemptView> attempts) {

    public record AttemptView(Instant attemptedAt, Integer statusCode, String error, long durationMs) {
    }

    static DeliveryView of(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
        return new DeliveryView(delivery.id(), delivery.eventType(), delivery.createdAt(), delivery.status(),
                delivery.nextAttemptAt(), JsonP.reader(new StringReader(delivery.payload())).readObject(),
                attempts.stream().map(a -> new AttemptView(a.attemptedAt(), a.statusCode(), a.error(), a.durationMs())).toList());
    }
}
