package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.AccessChanged;
import jakarta.enterprise.event.Event;
import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.problem.Conflicts;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.Validation;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.RoleAssignment;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.Status;
import dev.serviceaccounts.team.boundary.Teams;
import dev.serviceaccounts.team.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The service-account lifecycle: create, read, change, disable, enable, assign roles, delete.
 * Every method asks the {@link AccessPolicy} first and writes its audit event in the same
 * transaction as the change.
 */
@Stateless
public class ServiceAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Teams teams;

    @Inject
    AuditTrail audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Event<AccessChanged> accessChanged;

    public Page<ServiceAccountView> list(Caller caller, ServiceAccountQuery query) {
        var visibility = AccessPolicy.visibility(caller, Operation.READ_SERVICE_ACCOUNTS);
        if ((query.teamId() != null && !visibility.includes(query.teamId()))
                || (query.organizationLevel() && !visibility.everything())) {
            throw new ProblemException.Forbidden("Team administrators list only the teams they administer.");
        }
        var where = new StringBuilder(" where 1 = 1");
        var parameters = new HashMap<String, Object>();
        if (query.teamId() != null) {
            where.append(" and a.team.id = :team");
            parameters.put("team", query.teamId());
        }
        if (query.organizationLevel()) {
            where.append(" and a.team is null");
        }
        if (query.status() != null) {
            where.append(" and a.status = :status");
            parameters.put("status", query.status());
        }
        if (query.text() != null) {
            where.append(" and (a.identifier like :text escape '!' or lower(a.displayName) like :text escape '!')");
            parameters.put("text", "%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!visibility.everything()) {
            where.append(" and a.team.id in :teams");
            parameters.put("teams", visibility.teams());
        }
        TypedQuery<ServiceAccount> items = em.createQuery(
                "select a from ServiceAccount a left join fetch a.team" + where + query.orderBy(), ServiceAccount.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from ServiceAccount a" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var page = query.page();
        var found = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found.stream().map(ServiceAccountView::of).toList(), page, count.getSingleResult());
    }

    public ServiceAccountView get(Caller caller, UUID id) {
        var account = find(id);
        AccessPolicy.require(caller, Operation.READ_SERVICE_ACCOUNTS, Scope.team(account.teamId()));
        return ServiceAccountView.of(account);
    }

    public ServiceAccountView create(Caller caller, NewServiceAccount request) {
        Validation.require(validator, request);
        Team team = teams.referenced("teamId", request.teamId());
        List<RoleAssignment> roles = roles(request.roles());
        boolean globalAdmin = Boolean.TRUE.equals(request.globalAdmin());
        boolean introspector = Boolean.TRUE.equals(request.introspector());
        AccessPolicy.requireManageServiceAccount(caller, request.teamId(), teamIds(roles), globalAdmin || introspector);
        requireIdentifierFree(request.identifier(), null);

        var account = new ServiceAccount(request.identifier(), blankToNull(request.displayName()),
                blankToNull(request.description()), team, caller.actor(), clock.instant());
        account.grantGlobalAdmin(globalAdmin);
        account.allowIntrospection(introspector);
        account.replaceRoles(roles);
        em.persist(account);
        Conflicts.flush(em, identifierTaken(request.identifier()));
        var details = new LinkedHashMap<String, Object>();
        details.put("team", team == null ? null : team.name());
        details.put("globalAdmin", globalAdmin);
        details.put("introspector", introspector);
        details.put("roles", describe(roles));
        audit.record(caller, AuditAction.SERVICE_ACCOUNT_CREATED, AuditTargets.of(account), details);
        return ServiceAccountView.of(account);
    }

    public ServiceAccountView update(Caller caller, UUID id, Long expectedVersion, ServiceAccountChanges changes) {
        var account = find(id);
        requireManage(caller, account);
        ETags.check(expectedVersion, account.version());
        var details = new LinkedHashMap<String, Object>();
        if (changes.identifier() != null && !Objects.equals(changes.identifier().value(), account.identifier())) {
            String identifier = changes.identifier().value();
            Validation.requireProperty(validator, NewServiceAccount.class, "identifier", identifier);
            requireIdentifierFree(identifier, id);
            details.put("identifier", account.identifier() + " -> " + identifier);
            account.changeIdentifier(identifier);
        }
        apply(changes.displayName(), "displayName", account.displayName(), account::rename, details);
        apply(changes.description(), "description", account.description(), account::describe, details);
        if (changes.teamId() != null && !Objects.equals(changes.teamId().value(), account.teamId())) {
            Team team = teams.referenced("teamId", changes.teamId().value());
            AccessPolicy.require(caller, Operation.MANAGE_SERVICE_ACCOUNTS, Scope.team(changes.teamId().value()));
            details.put("team", name(account.team()) + " -> " + name(team));
            account.moveTo(team);
        }
        if (changes.globalAdmin() != null && changes.globalAdmin().value() != account.globalAdmin()) {
            AccessPolicy.require(caller, Operation.SET_GLOBAL_ADMIN, Scope.ORGANIZATION);
            account.grantGlobalAdmin(changes.globalAdmin().value());
            details.put("globalAdmin", account.globalAdmin());
        }
        if (changes.introspector() != null && changes.introspector().value() != account.introspector()) {
            AccessPolicy.require(caller, Operation.SET_GLOBAL_ADMIN, Scope.ORGANIZATION);
            account.allowIntrospection(changes.introspector().value());
            details.put("introspector", account.introspector());
        }
        Conflicts.flush(em, identifierTaken(account.identifier()));
        if (!details.isEmpty()) {
            accessChanged.fire(AccessChanged.of(account.id()));
            audit.record(caller, AuditAction.SERVICE_ACCOUNT_UPDATED, AuditTargets.of(account), details);
        }
        return ServiceAccountView.of(account);
    }

    public ServiceAccountView replaceRoles(Caller caller, UUID id, Long expectedVersion, List<RoleGrant> grants) {
        var account = find(id);
        requireManage(caller, account);
        ETags.check(expectedVersion, account.version());
        if (grants == null) {
            throw new ProblemException.BadRequest("A JSON array of {teamId, role} is required.");
        }
        Validation.require(validator, new NewServiceAccount(account.identifier(), null, null, null, null, null, grants, null));
        var roles = roles(grants);
        teamIds(roles).forEach(team -> AccessPolicy.require(caller, Operation.MANAGE_SERVICE_ACCOUNTS, Scope.team(team)));
        String before = describe(account.roles());
        account.replaceRoles(roles); // a changed collection bumps the account's version, so ETags see it
        accessChanged.fire(AccessChanged.of(account.id()));
        Conflicts.flush(em, "The service account changed meanwhile.");
        audit.record(caller, AuditAction.SERVICE_ACCOUNT_ROLES_CHANGED, AuditTargets.of(account),
                Map.of("before", before, "after", describe(roles)));
        return ServiceAccountView.of(account);
    }

    public ServiceAccountView disable(Caller caller, UUID id, Long expectedVersion) {
        return changeStatus(caller, id, expectedVersion, Status.DISABLED, AuditAction.SERVICE_ACCOUNT_DISABLED);
    }

    public ServiceAccountView enable(Caller caller, UUID id, Long expectedVersion) {
        return changeStatus(caller, id, expectedVersion, Status.ACTIVE, AuditAction.SERVICE_ACCOUNT_ENABLED);
    }

    public void delete(Caller caller, UUID id, Long expectedVersion) {
        var account = find(id);
        requireManage(caller, account);
        ETags.check(expectedVersion, account.version());
        audit.record(caller, AuditAction.SERVICE_ACCOUNT_DELETED, AuditTargets.of(account), Map.of("identifier", account.identifier()));
        em.remove(account);
        accessChanged.fire(AccessChanged.of(account.id()));
        Conflicts.flush(em, "The service account changed meanwhile.");
    }

    private ServiceAccountView changeStatus(Caller caller, UUID id, Long expectedVersion, Status status, AuditAction action) {
        var account = find(id);
        if (status == Status.DISABLED) {
            requireContain(caller, account); // enabling gives power back: that is managing
        } else {
            requireManage(caller, account);
        }
        ETags.check(expectedVersion, account.version());
        if (account.changeStatus(status)) {
            accessChanged.fire(AccessChanged.of(account.id()));
            Conflicts.flush(em, "The service account changed meanwhile.");
            audit.record(caller, action, AuditTargets.of(account), Map.of());
        }
        return ServiceAccountView.of(account);
    }

    /** The account, once the policy lets the caller manage it; locked so changes to it serialize. */
    public ServiceAccount manageable(Caller caller, UUID id) {
        var account = find(id);
        requireManage(caller, account);
        em.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return account;
    }

    /** The account, once the policy lets the caller contain it (revoke its credentials); locked like {@link #manageable}. */
    public ServiceAccount containable(Caller caller, UUID id) {
        var account = find(id);
        requireContain(caller, account);
        em.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return account;
    }

    /** The account, once the policy lets the caller read it. */
    public ServiceAccount readable(Caller caller, UUID id) {
        var account = find(id);
        AccessPolicy.require(caller, Operation.READ_SERVICE_ACCOUNTS, Scope.team(account.teamId()));
        return account;
    }

    private void requireContain(Caller caller, ServiceAccount account) {
        AccessPolicy.requireContainServiceAccount(caller, account.teamId(),
                teamIds(account.roles()), account.globalAdmin() || account.introspector());
    }

    private void requireManage(Caller caller, ServiceAccount account) {
        AccessPolicy.requireManageServiceAccount(caller, account.teamId(),
                teamIds(account.roles()), account.globalAdmin() || account.introspector());
    }

    private List<RoleAssignment> roles(List<RoleGrant> grants) {
        if (grants == null) {
            return List.of();
        }
        var seen = new HashSet<UUID>();
        var roles = new ArrayList<RoleAssignment>();
        for (int i = 0; i < grants.size(); i++) {
            var grant = grants.get(i);
            if (grant == null) {
                throw new ProblemException.InvalidInput("roles[" + i + "]", "must not be null");
            }
            if (!seen.add(grant.teamId())) {
                throw new ProblemException.InvalidInput("roles[" + i + "].teamId", "names a team twice; one role per team");
            }
            roles.add(new RoleAssignment(teams.referenced("roles[" + i + "].teamId", grant.teamId()), grant.role()));
        }
        return roles;
    }

    private static Set<UUID> teamIds(Collection<RoleAssignment> roles) {
        var ids = new HashSet<UUID>();
        roles.forEach(r -> ids.add(r.team().id()));
        return ids;
    }

    private static String describe(Collection<RoleAssignment> roles) {
        return roles.stream().map(r -> r.team().name() + ":" + r.role()).sorted().toList().toString();
    }

    private void apply(Change<String> change, String field, String current, Consumer<String> setter,
                       Map<String, Object> details) {
        if (change == null || Objects.equals(blankToNull(change.value()), current)) {
            return;
        }
        Validation.requireProperty(validator, NewServiceAccount.class, field, change.value());
        setter.accept(blankToNull(change.value()));
        details.put(field, "changed");
    }

    private void requireIdentifierFree(String identifier, UUID except) {
        var clash = em.createNamedQuery(ServiceAccount.BY_IDENTIFIER, ServiceAccount.class)
                .setParameter("identifier", identifier).getResultList();
        if (clash.stream().anyMatch(a -> !a.id().equals(except))) {
            throw new ProblemException.Conflict(identifierTaken(identifier));
        }
    }

    private ServiceAccount find(UUID id) {
        var account = em.find(ServiceAccount.class, id);
        if (account == null) {
            throw ProblemException.notFound("Service account " + id);
        }
        return account;
    }

    private static String identifierTaken(String identifier) {
        return "A service account with the identifier '" + identifier + "' already exists.";
    }

    private static String name(Team team) {
        return team == null ? "(organization)" : team.name();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
