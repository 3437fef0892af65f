package dev.serviceaccounts.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded state change. Written in the transaction of the change it records, and never
 * updated or deleted by the application: it has no setters, and its only change is being sealed
 * into the audit chain ({@link #seal}) shortly after. Actor and target are named as they
 * were at that moment, and identified by id, so a later account reusing an identifier never mixes
 * with the history of the one deleted before it.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Embedded
    private Actor actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 64, updatable = false)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind", nullable = false, length = 32, updatable = false)
    private TargetKind targetKind;

    @Column(name = "target_id", updatable = false)
    private UUID targetId;

    @Column(name = "target_name", length = 200, updatable = false)
    private String targetName;

    /** The team the target belonged to at that moment, so team administrators can read their history. */
    @Column(name = "team_id", updatable = false)
    private UUID teamId;

    @Column(length = 4000, updatable = false)
    private String details;

    @Column(name = "source_ip", length = 64, updatable = false)
    private String sourceIp;

    /** Place in the audit chain, the chain's hash before it and its own; all null until sealed. */
    @Column(name = "chain_seq")
    private Long chainSeq;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(length = 64)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, Actor actor, AuditAction action, TargetKind targetKind, UUID targetId,
                      String targetName, UUID teamId, String details, String sourceIp) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.targetKind = targetKind;
        this.targetId = targetId;
        this.targetName = targetName;
        this.teamId = teamId;
        this.details = details;
        this.sourceIp = sourceIp;
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Actor actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public TargetKind targetKind() {
        return targetKind;
    }

    public UUID targetId() {
        return targetId;
    }

    public String targetName() {
        return targetName;
    }

    public UUID teamId() {
        return teamId;
    }

    public String details() {
        return details;
    }

    public String sourceIp() {
        return sourceIp;
    }

    public Long chainSeq() {
        return chainSeq;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    /** Links the event into the chain, once: a sealed event is never sealed again. */
    public void seal(long seq, String previousHash, String hash) {
        if (this.chainSeq != null) {
            throw new IllegalStateException("Audit event " + id + " is already sealed");
        }
        this.chainSeq = seq;
        this.previousHash = previousHash;
        this.hash = hash;
    }
}
