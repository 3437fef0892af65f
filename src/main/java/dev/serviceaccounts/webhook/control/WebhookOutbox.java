package dev.serviceaccounts.webhook.control;

import dev.serviceaccounts.audit.entity.AuditEvent;
import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.webhook.entity.EventType;
import dev.serviceaccounts.webhook.entity.Webhook;
import dev.serviceaccounts.webhook.entity.WebhookAttempt;
import dev.serviceaccounts.webhook.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook outbox. An audit event that is a webhook event becomes one delivery per webhook
 * that wants it, written in the transaction of the change itself: the change and its deliveries
 * commit together or not at all, and a pending delivery outlives a restart. Nodes take due
 * deliveries with a lease, so each attempt is made by one node.
 */
@Stateless
public class WebhookOutbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "WEBHOOK_MAX_ATTEMPTS", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "WEBHOOK_RETRY_SECONDS", defaultValue = "30")
    long firstRetrySeconds;

    /** Every audit event passes here, in the transaction that writes it; only webhook events cost a query. */
    public void onAudit(@Observes AuditEvent event) {
        var type = EventType.of(event);
        if (type.isEmpty()) {
            return;
        }
        var webhooks = em.createQuery("select w from Webhook w where w.enabled = true", Webhook.class).getResultList();
        String payload = null;
        for (Webhook webhook : webhooks) {
            if (webhook.wants(type.get())) {
                payload = payload != null ? payload : payload(type.get(), event.occurredAt(), data(event));
                em.persist(new WebhookDelivery(webhook.id(), type.get(), payload, clock.instant()));
            }
        }
    }

    /** A "webhook.test" event for this webhook alone, sent like any other. */
    public WebhookDelivery enqueueTest(Webhook webhook, String requestedBy) {
        Instant now = clock.instant();
        var data = JsonP.object().add("webhookId", webhook.id().toString()).add("requestedBy", requestedBy).build();
        var delivery = new WebhookDelivery(webhook.id(), EventType.TEST, payload(EventType.TEST, now, data), now);
        em.persist(delivery);
        return delivery;
    }

    /** What a node needs to make one attempt, taken under a lease. */
    public record Claim(UUID deliveryId, String url, String sealedSecret, String payload) {
    }

    /**
     * Takes up to {@code max} due deliveries for this node, for {@code lease}: a conditional update
     * per delivery, which one node wins.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Claim> claimDue(int max, Duration lease) {
        Instant now = clock.instant();
        var due = em.createQuery("select d.id, w.url, w.secretSealed, d.payload from WebhookDelivery d, Webhook w "
                        + "where w.id = d.webhookId and d.status = :pending and d.nextAttemptAt <= :now "
                        + "and (d.leaseUntil is null or d.leaseUntil < :now) order by d.nextAttemptAt", Object[].class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now).setMaxResults(max).getResultList();
        var claims = new ArrayList<Claim>();
        for (Object[] row : due) {
            int taken = em.createQuery("update WebhookDelivery d set d.leaseUntil = :lease where d.id = :id and d.status = :pending "
                            + "and (d.leaseUntil is null or d.leaseUntil < :now)")
                    .setParameter("lease", now.plus(lease)).setParameter("id", row[0]).setParameter("now", now)
                    .setParameter("pending", WebhookDelivery.Status.PENDING).executeUpdate();
            if (taken == 1) { // this node won the delivery
                claims.add(new Claim((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]));
            }
        }
        return claims;
    }

    /** Notes an attempt's outcome; a delivery whose webhook was deleted meanwhile is gone, and nothing is noted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void attempted(UUID deliveryId, Instant at, Integer statusCode, String error, long durationMs) {
        var delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return;
        }
        em.persist(new WebhookAttempt(deliveryId, at, statusCode, error, durationMs));
        delivery.attempted(at, statusCode, maxAttempts, Duration.ofSeconds(firstRetrySeconds), Duration.ofHours(1));
    }

    static String payload(EventType type, Instant timestamp, JsonObject data) {
        return JsonP.object().add("type", type.wireName).add("timestamp", timestamp.toString()).add("data", data).build().toString();
    }

    private static JsonObject data(AuditEvent event) {
        var target = JsonP.object().add("kind", event.targetKind().name());
        addOrNull(target, "id", event.targetId());
        addOrNull(target, "name", event.targetName());
        var actor = JsonP.object().add("kind", event.actor().kind().name());
        addOrNull(actor, "id", event.actor().id());
        addOrNull(actor, "name", event.actor().name());
        var data = JsonP.object().add("occurredAt", event.occurredAt().toString()).add("action", event.action().name())
                .add("actor", actor).add("target", target);
        addOrNull(data, "teamId", event.teamId());
        data.add("details", event.details() == null ? JsonValue.EMPTY_JSON_OBJECT
                : JsonP.reader(new StringReader(event.details())).readObject());
        return data.build();
    }

    private static void addOrNull(jakarta.json.JsonObjectBuilder builder, String name, Object value) {
        if (value == null) {
            builder.addNull(name);
        } else {
            builder.add(name, value.toString());
        }
    }
}
