package dev.serviceaccounts.serviceaccount.entity;

import dev.serviceaccounts.Ids;
import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.team.entity.Team;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * An API-only identity: no password, no email, no interactive login, never a seat.
 * <p>
 * Invariants: {@code id} never changes; {@code identifier} (3 to 64 of {@code [a-z0-9._-]}) is
 * unique among existing accounts and may be changed; {@code team} null means an
 * organization-level account; at most one role per team; the account stays in its team whatever
 * happens to the member who created it.
 */
@Entity
@Table(name = "service_account")
@NamedQuery(name = ServiceAccount.BY_IDENTIFIER, query = "select a from ServiceAccount a where a.identifier = :identifier")
@NamedQuery(name = ServiceAccount.COUNT_IN_TEAM, query = "select count(a) from ServiceAccount a where a.team.id = :teamId")
public class ServiceAccount {

    public static final String BY_IDENTIFIER = "ServiceAccount.byIdentifier";
    public static final String COUNT_IN_TEAM = "ServiceAccount.countInTeam";

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String identifier;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @Column(length = 1000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @ElementCollection
    @CollectionTable(name = "service_account_role", joinColumns = @JoinColumn(name = "service_account_id"))
    private Set<RoleAssignment> roles = new HashSet<>();

    @Column(name = "global_admin", nullable = false)
    private boolean globalAdmin;

    /** May ask the token service whether tokens are good (RFC 7662 introspection). */
    @Column(nullable = false)
    private boolean introspector;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.ACTIVE;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When owners were told this account had gone idle; a use after it makes the account watched again. */
    @Column(name = "idle_noted_at", insertable = false, updatable = false) // written by HealthScan alone
    private Instant idleNotedAt;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "kind", column = @Column(name = "created_by_kind", nullable = false, length = 16)),
            @AttributeOverride(name = "id", column = @Column(name = "created_by_id")),
            @AttributeOverride(name = "name", column = @Column(name = "created_by_name", nullable = false, length = 64))})
    private Actor createdBy;

    @Version
    private long version;

    protected ServiceAccount() {
    }

    public ServiceAccount(String identifier, String displayName, String description, Team team,
                          Actor createdBy, Instant createdAt) {
        this.id = Ids.timeOrdered();
        this.identifier = identifier;
        this.displayName = displayName;
        this.description = description;
        this.team = team;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String identifier() {
        return identifier;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    public Team team() {
        return team;
    }

    public UUID teamId() {
        return team == null ? null : team.id();
    }

    public Set<RoleAssignment> roles() {
        return Set.copyOf(roles);
    }

    public boolean globalAdmin() {
        return globalAdmin;
    }

    public boolean introspector() {
        return introspector;
    }

    public void allowIntrospection(boolean introspector) {
        this.introspector = introspector;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor createdBy() {
        return createdBy;
    }

    public long version() {
        return version;
    }

    public void changeIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void describe(String description) {
        this.description = description;
    }

    public void moveTo(Team team) {
        this.team = team;
    }

    public void grantGlobalAdmin(boolean globalAdmin) {
        this.globalAdmin = globalAdmin;
    }

    public void replaceRoles(Collection<RoleAssignment> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** @return false when the account already had that status */
    public boolean changeStatus(Status status) {
        boolean changed = this.status != status;
        this.status = status;
        return changed;
    }
}
