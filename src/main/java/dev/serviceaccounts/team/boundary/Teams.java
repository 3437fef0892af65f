package dev.serviceaccounts.team.boundary;

import dev.serviceaccounts.AccessChanged;
import jakarta.enterprise.event.Event;
import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.problem.Conflicts;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.Validation;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.team.entity.Team;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Teams: created, renamed and removed by OWNER and ORG_ADMIN; read by their administrators too. */
@Stateless
public class Teams {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Event<AccessChanged> accessChanged;

    public Page<TeamView> list(Caller caller, PageRequest page) {
        var visibility = AccessPolicy.visibility(caller, Operation.READ_TEAMS);
        String where = visibility.everything() ? "" : " where t.id in :teams";
        var query = em.createQuery("select t from Team t" + where + " order by lower(t.name)", Team.class);
        var count = em.createQuery("select count(t) from Team t" + where, Long.class);
        if (!visibility.everything()) {
            query.setParameter("teams", visibility.teams());
            count.setParameter("teams", visibility.teams());
        }
        var items = query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(items.stream().map(TeamView::of).toList(), page, count.getSingleResult());
    }

    public TeamView get(Caller caller, UUID id) {
        AccessPolicy.require(caller, Operation.READ_TEAMS, Scope.team(id));
        return TeamView.of(find(id));
    }

    public TeamView create(Caller caller, NewTeam request) {
        AccessPolicy.require(caller, Operation.MANAGE_TEAMS, Scope.ORGANIZATION);
        Validation.require(validator, request);
        String name = request.name().strip();
        requireNameFree(name, null);
        var team = new Team(name, request.description(), clock.instant());
        em.persist(team);
        Conflicts.flush(em, "A team named '" + name + "' already exists.");
        audit.record(caller, AuditAction.TEAM_CREATED, target(team), Map.of("name", name));
        return TeamView.of(team);
    }

    public TeamView update(Caller caller, UUID id, Long expectedVersion, Change<String> name, Change<String> description) {
        AccessPolicy.require(caller, Operation.MANAGE_TEAMS, Scope.ORGANIZATION);
        var team = find(id);
        ETags.check(expectedVersion, team.version());
        var changes = new LinkedHashMap<String, Object>();
        if (name != null) {
            Validation.requireProperty(validator, NewTeam.class, "name", name.value());
            String newName = name.value().strip();
            if (!newName.equals(team.name())) {
                requireNameFree(newName, id);
                changes.put("name", team.name() + " -> " + newName);
                team.rename(newName);
            }
        }
        if (description != null) {
            Validation.requireProperty(validator, NewTeam.class, "description", description.value());
            team.describe(description.value());
            changes.put("description", "changed");
        }
        Conflicts.flush(em, "A team with that name already exists.");
        if (!changes.isEmpty()) {
            accessChanged.fire(AccessChanged.everyone()); // team names travel in cached callers' groups
            audit.record(caller, AuditAction.TEAM_UPDATED, target(team), changes);
        }
        return TeamView.of(team);
    }

    public void delete(Caller caller, UUID id, Long expectedVersion) {
        AccessPolicy.require(caller, Operation.MANAGE_TEAMS, Scope.ORGANIZATION);
        var team = find(id);
        ETags.check(expectedVersion, team.version());
        long accounts = em.createNamedQuery(ServiceAccount.COUNT_IN_TEAM, Long.class).setParameter("teamId", id).getSingleResult();
        if (accounts > 0) {
            throw new ProblemException.Conflict("Team '" + team.name() + "' still holds " + accounts
                    + " service account(s); move or delete them first.");
        }
        audit.record(caller, AuditAction.TEAM_DELETED, target(team), Map.of("name", team.name()));
        em.remove(team);
        Conflicts.flush(em, "The team is still in use.");
        accessChanged.fire(AccessChanged.everyone()); // role assignments in the team are gone
    }

    /** A team named in a request body: unknown is the request's fault (422), not a missing resource. */
    public Team referenced(String field, UUID id) {
        if (id == null) {
            return null;
        }
        var team = em.find(Team.class, id);
        if (team == null) {
            throw new ProblemException.InvalidInput(field, "no team has the id " + id);
        }
        return team;
    }

    public Team find(UUID id) {
        var team = em.find(Team.class, id);
        if (team == null) {
            throw ProblemException.notFound("Team " + id);
        }
        return team;
    }

    private void requireNameFree(String name, UUID except) {
        var clash = em.createNamedQuery(Team.BY_NAME, Team.class).setParameter("name", name).getResultList();
        if (clash.stream().anyMatch(t -> !t.id().equals(except))) {
            throw new ProblemException.Conflict("A team named '" + name + "' already exists.");
        }
    }

    static AuditTrail.Target target(Team team) {
        return new AuditTrail.Target(TargetKind.TEAM, team.id(), team.name(), team.id());
    }
}
