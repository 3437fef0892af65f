package dev.serviceaccounts.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one webhook, in the outbox: written in the transaction of the change it reports,
 * sent by one node at a time (the lease), retried with a doubling back-off until answered 2xx or
 * out of attempts. Its id is the {@code webhook-id} every attempt carries, so a receiver can
 * drop repeats.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    private UUID id;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private UUID webhookId;

    @Column(name = "event_type", nullable = false, length = 64, updatable = false)
    private String eventType;

    @Column(nullable = false, length = 16000, updatable = false)
    private String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(UUID webhookId, EventType type, String payload, Instant now) {
        this.id = UUID.randomUUID();
        this.webhookId = webhookId;
        this.eventType = type.wireName;
        this.payload = payload;
        this.createdAt = now;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
    }

    /** Notes an attempt's answer (a status code, or null when none came) and what comes next. */
    public void attempted(Instant at, Integer statusCode, int maxAttempts, Duration firstRetry, Duration maxRetry) {
        attempts++;
        lastAttemptAt = at;
        lastStatus = statusCode;
        leaseUntil = null;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = Status.DELIVERED;
            nextAttemptAt = null;
        } else if (attempts >= maxAttempts) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
            nextAttemptAt = at.plus(wait.compareTo(maxRetry) > 0 ? maxRetry : wait);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID webhookId() {
        return webhookId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant lastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }
}
