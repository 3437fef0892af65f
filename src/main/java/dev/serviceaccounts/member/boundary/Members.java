package dev.serviceaccounts.member.boundary;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.member.control.Passwords;
import dev.serviceaccounts.member.entity.Member;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.organization.entity.Organization;
import dev.serviceaccounts.problem.Conflicts;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.Validation;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.team.boundary.Teams;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members and their team-administrator grants. Deleting a member never touches the service
 * accounts it created: they stay in their teams.
 */
@Stateless
public class Members {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Passwords passwords;

    @Inject
    Teams teams;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    public Page<MemberView> list(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, Operation.READ_MEMBERS, Scope.ORGANIZATION);
        var items = em.createQuery("select m from Member m order by m.username", Member.class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(m) from Member m", Long.class).getSingleResult();
        return Page.of(items.stream().map(MemberView::of).toList(), page, total);
    }

    public MemberView get(Caller caller, UUID id) {
        AccessPolicy.require(caller, Operation.READ_MEMBERS, Scope.ORGANIZATION);
        return MemberView.of(find(id));
    }

    public MemberView create(Caller caller, NewMember request) {
        Validation.require(validator, request);
        AccessPolicy.requireMemberChange(caller, null, request.orgRole());
        requireUsernameFree(request.username());
        var member = new Member(request.username(), request.displayName().strip(), request.email(),
                passwords.hash(request.password()), request.orgRole(), clock.instant());
        em.persist(member);
        Conflicts.flush(em, "The username '" + request.username() + "' is taken.");
        audit.record(caller, AuditAction.MEMBER_CREATED, target(member), Map.of("orgRole", member.orgRole()));
        return MemberView.of(member);
    }

    public MemberView update(Caller caller, UUID id, Long expectedVersion, Change<String> displayName,
                             Change<String> email, Change<String> password, Change<String> orgRole) {
        var member = find(id);
        OrgRole nextRole = orgRole == null ? member.orgRole() : role(orgRole.value());
        AccessPolicy.requireMemberChange(caller, member.orgRole(), nextRole);
        ETags.check(expectedVersion, member.version());
        var changes = new LinkedHashMap<String, Object>();
        if (displayName != null) {
            Validation.requireProperty(validator, NewMember.class, "displayName", displayName.value());
            member.rename(displayName.value().strip());
            changes.put("displayName", member.displayName());
        }
        if (email != null) {
            Validation.requireProperty(validator, NewMember.class, "email", email.value());
            member.changeEmail(email.value());
            changes.put("email", "changed");
        }
        if (password != null) {
            Validation.requireProperty(validator, NewMember.class, "password", password.value());
            member.changePasswordHash(passwords.hash(password.value()));
            changes.put("password", "changed");
        }
        if (nextRole != member.orgRole()) {
            if (member.orgRole() == OrgRole.OWNER) {
                requireAnotherOwner();
            }
            changes.put("orgRole", member.orgRole() + " -> " + nextRole);
            member.changeRole(nextRole);
        }
        Conflicts.flush(em, "The member changed meanwhile.");
        if (!changes.isEmpty()) {
            audit.record(caller, AuditAction.MEMBER_UPDATED, target(member), changes);
        }
        return MemberView.of(member);
    }

    public void delete(Caller caller, UUID id, Long expectedVersion) {
        var member = find(id);
        AccessPolicy.requireMemberChange(caller, member.orgRole(), null);
        ETags.check(expectedVersion, member.version());
        if (member.orgRole() == OrgRole.OWNER) {
            requireAnotherOwner();
        }
        audit.record(caller, AuditAction.MEMBER_DELETED, target(member), Map.of("orgRole", member.orgRole()));
        em.remove(member);
        Conflicts.flush(em, "The member changed meanwhile.");
    }

    public List<MemberRef> adminsOf(Caller caller, UUID teamId) {
        AccessPolicy.require(caller, Operation.READ_TEAMS, Scope.team(teamId));
        teams.find(teamId);
        return em.createQuery("select m from Member m join m.adminOf t where t.id = :team", Member.class)
                .setParameter("team", teamId).getResultList().stream()
                .map(MemberRef::of).sorted(Comparator.comparing(MemberRef::username)).toList();
    }

    public void grantTeamAdmin(Caller caller, UUID memberId, UUID teamId) {
        AccessPolicy.require(caller, Operation.MANAGE_MEMBERS, Scope.ORGANIZATION);
        var member = find(memberId);
        var team = teams.find(teamId);
        if (member.grantTeamAdmin(team)) {
            audit.record(caller, AuditAction.TEAM_ADMIN_GRANTED, target(member), Map.of("team", team.name()));
        }
    }

    public void revokeTeamAdmin(Caller caller, UUID memberId, UUID teamId) {
        AccessPolicy.require(caller, Operation.MANAGE_MEMBERS, Scope.ORGANIZATION);
        var member = find(memberId);
        var team = teams.find(teamId);
        if (member.revokeTeamAdmin(team)) {
            audit.record(caller, AuditAction.TEAM_ADMIN_REVOKED, target(member), Map.of("team", team.name()));
        }
    }

    /** Changes to OWNERs are serialized on the organization row, so two of them never remove the last OWNER. */
    private void requireAnotherOwner() {
        em.createQuery("select o from Organization o", Organization.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        long owners = em.createNamedQuery(Member.COUNT_BY_ROLE, Long.class).setParameter("role", OrgRole.OWNER).getSingleResult();
        if (owners <= 1) {
            throw new ProblemException.Conflict("This is the last OWNER; make another member OWNER first.");
        }
    }

    private OrgRole role(String value) {
        try {
            return OrgRole.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("orgRole", "must be one of " + List.of(OrgRole.values()));
        }
    }

    private void requireUsernameFree(String username) {
        if (!em.createNamedQuery(Member.BY_USERNAME, Member.class).setParameter("username", username).getResultList().isEmpty()) {
            throw new ProblemException.Conflict("The username '" + username + "' is taken.");
        }
    }

    private Member find(UUID id) {
        var member = em.find(Member.class, id);
        if (member == null) {
            throw ProblemException.notFound("Member " + id);
        }
        return member;
    }

    private static AuditTrail.Target target(Member member) {
        return new AuditTrail.Target(TargetKind.MEMBER, member.id(), member.username(), null);
    }
}
