package dev.serviceaccounts.credential.entity;

import dev.serviceaccounts.Ids;
import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.NamedSubgraph;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One key of a service account. The secret is stored only as a keyed hash; the key id is public.
 * <p>
 * It authenticates while not revoked (revokedAt absent or still in the future: a rotation's grace
 * period), not expired, and its account is active. Revocation is final.
 */
@Entity
@NamedEntityGraph(name = Credential.WITH_ACCOUNT_AND_ROLES, attributeNodes = @NamedAttributeNode(value = "account", subgraph = "account"),
        subgraphs = @NamedSubgraph(name = "account", attributeNodes = {@NamedAttributeNode("roles"), @NamedAttributeNode("team")}))
@NamedQuery(name = Credential.BY_KEY_ID, query = "select c from Credential c where c.keyId = :keyId")
@NamedQuery(name = Credential.OF_ACCOUNT, query = "select c from Credential c where c.account.id = :account order by c.createdAt desc")
public class Credential {

    public static final String BY_KEY_ID = "Credential.byKeyId";
    public static final String OF_ACCOUNT = "Credential.ofAccount";
    /** What authentication needs in one query: the credential, its account and the account's roles. */
    public static final String WITH_ACCOUNT_AND_ROLES = "Credential.withAccountAndRoles";

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_account_id")
    private ServiceAccount account;

    @Column(name = "key_id", nullable = false, length = 32, updatable = false)
    private String keyId;

    @Column(name = "secret_hash", nullable = false, length = 64, updatable = false)
    private String secretHash;

    @Column(length = 200)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "kind", column = @Column(name = "created_by_kind", nullable = false, length = 16)),
            @AttributeOverride(name = "id", column = @Column(name = "created_by_id")),
            @AttributeOverride(name = "name", column = @Column(name = "created_by_name", nullable = false, length = 64))})
    private Actor createdBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by_name", length = 64)
    private String revokedBy;

    @Column(name = "revoke_reason", length = 200)
    private String revokeReason;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = 64)
    private String lastUsedIp;

    /** When owners were warned that this credential expires soon; set once, see HealthScan. */
    @Column(name = "expiry_warned_at", insertable = false, updatable = false) // written by HealthScan alone
    private Instant expiryWarnedAt;

    /** When owners were told that this credential expired; set once. */
    @Column(name = "expired_noted_at", insertable = false, updatable = false)
    private Instant expiredNotedAt;

    @Version
    private long version;

    protected Credential() {
    }

    public Credential(ServiceAccount account, String keyId, String secretHash, String description, Actor createdBy,
                      Instant createdAt, Instant expiresAt) {
        this.id = Ids.timeOrdered();
        this.account = account;
        this.keyId = keyId;
        this.secretHash = secretHash;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Why a credential does or does not authenticate at a given moment. */
    public enum State {
        ACTIVE, EXPIRED, REVOKED
    }

    public State stateAt(Instant now) {
        return stateAt(revokedAt, expiresAt, now);
    }

    /** The rule, for this entity and for copies of it: revocation first, then expiry. */
    public static State stateAt(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return State.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return State.EXPIRED;
        }
        return State.ACTIVE;
    }

    /** Active and not already due to be revoked: what counts against the account's limit. */
    public boolean countsAgainstLimitAt(Instant now) {
        return stateAt(now) == State.ACTIVE && revokedAt == null;
    }

    /**
     * Revokes at {@code when} (now, or the end of a rotation's grace period). A credential already
     * revoked earlier keeps its earlier time.
     */
    public void revoke(Instant when, String by, String reason) {
        if (revokedAt == null || when.isBefore(revokedAt)) {
            this.revokedAt = when;
            this.revokedBy = by;
            this.revokeReason = reason;
        }
    }

    public UUID id() {
        return id;
    }

    public ServiceAccount account() {
        return account;
    }

    public String keyId() {
        return keyId;
    }

    public String secretHash() {
        return secretHash;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public String revokeReason() {
        return revokeReason;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public String lastUsedIp() {
        return lastUsedIp;
    }

    public long version() {
        return version;
    }
}
