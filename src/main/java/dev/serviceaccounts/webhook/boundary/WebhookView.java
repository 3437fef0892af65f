package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.webhook.entity.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook as the API shows it: never its secret, which is shown once, at creation. */
public record WebhookView(UUID id, String url, String description, List<String> eventTypes, boolean enabled,
                          Instant createdAt, String createdBy, long version) {

    static WebhookView of(Webhook webhook) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.description(),
                webhook.eventTypes().stream().map(type -> type.wireName).toList(), webhook.enabled(), webhook.createdAt(),
                webhook.createdBy(), webhook.version());
    }

    /** The answer to a creation: the webhook and its signing secret, this once. */
    public record Created(WebhookView webhook, String secret) {
    }
}
