package dev.serviceaccounts.webhook.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Where events go: an address, the event types it wants, and its signing secret (sealed with the server key). */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    private UUID id;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(length = 200)
    private String description;

    @Column(name = "event_types", nullable = false, length = 1000)
    private String eventTypes;

    @Column(name = "secret_sealed", nullable = false, length = 200, updatable = false)
    private String secretSealed;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by_name", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Version
    private long version;

    protected Webhook() {
    }

    public Webhook(String url, String description, Set<EventType> eventTypes, String secretSealed, boolean enabled,
                   Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.url = url;
        this.description = description;
        this.eventTypes = names(eventTypes);
        this.secretSealed = secretSealed;
        this.enabled = enabled;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    private static String names(Set<EventType> types) {
        return types.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public UUID id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public Set<EventType> eventTypes() {
        var types = EnumSet.noneOf(EventType.class);
        Arrays.stream(eventTypes.split(",")).filter(name -> !name.isEmpty()).forEach(name -> types.add(EventType.valueOf(name)));
        return types;
    }

    public boolean wants(EventType type) {
        return enabled && eventTypes().contains(type);
    }

    public String secretSealed() {
        return secretSealed;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public long version() {
        return version;
    }

    public void change(String url, String description, Set<EventType> eventTypes, boolean enabled) {
        this.url = url;
        this.description = description;
        this.eventTypes = names(eventTypes);
        this.enabled = enabled;
    }
}
