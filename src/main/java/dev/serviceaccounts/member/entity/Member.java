package dev.serviceaccounts.member.entity;

import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.Ids;
import dev.serviceaccounts.team.entity.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A human of the organization: signs in with a password (stored only as a PBKDF2 hash), holds an
 * organization role, and may administer some teams. Members are the seats; service accounts never are.
 */
@Entity
@NamedQuery(name = Member.BY_USERNAME,
        query = "select distinct m from Member m left join fetch m.adminOf where m.username = :username")
@NamedQuery(name = Member.COUNT_BY_ROLE, query = "select count(m) from Member m where m.orgRole = :role")
public class Member {

    public static final String BY_USERNAME = "Member.byUsername";
    public static final String COUNT_BY_ROLE = "Member.countByRole";

    @Id
    private UUID id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_role", nullable = false, length = 16)
    private OrgRole orgRole;

    @ManyToMany
    @JoinTable(name = "member_team_admin",
            joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    private Set<Team> adminOf = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Member() {
    }

    public Member(String username, String displayName, String email, String passwordHash, OrgRole orgRole, Instant createdAt) {
        this.id = Ids.timeOrdered();
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.orgRole = orgRole;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public OrgRole orgRole() {
        return orgRole;
    }

    public Set<Team> adminOf() {
        return Set.copyOf(adminOf);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void changeEmail(String email) {
        this.email = email;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void changeRole(OrgRole orgRole) {
        this.orgRole = orgRole;
    }

    /** @return false when the member already administered the team */
    public boolean grantTeamAdmin(Team team) {
        return adminOf.add(team);
    }

    /** @return false when the member did not administer the team */
    public boolean revokeTeamAdmin(Team team) {
        return adminOf.remove(team);
    }

    public Set<UUID> adminTeamIds() {
        var ids = new HashSet<UUID>();
        adminOf.forEach(t -> ids.add(t.id()));
        return ids;
    }
}
