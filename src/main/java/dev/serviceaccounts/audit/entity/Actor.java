package dev.serviceaccounts.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** Who did something, with the name they had at that moment (names change, history must not). */
@Embeddable
public class Actor {

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind", nullable = false, length = 16)
    private ActorKind kind;

    @Column(name = "actor_id")
    private UUID id;

    @Column(name = "actor_name", nullable = false, length = 64)
    private String name;

    protected Actor() {
    }

    public Actor(ActorKind kind, UUID id, String name) {
        this.kind = kind;
        this.id = id;
        this.name = name;
    }

    private static final String REPORTER = "reporter:";

    /** A configured secret scanner that reported a leaked secret. */
    public static Actor reporter(String name) {
        return new Actor(ActorKind.SYSTEM, null, REPORTER + name);
    }

    public boolean isReporter() {
        return kind == ActorKind.SYSTEM && name != null && name.startsWith(REPORTER);
    }

    public static Actor system() {
        return new Actor(ActorKind.SYSTEM, null, "system");
    }

    public ActorKind kind() {
        return kind;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }
}
