package dev.serviceaccounts.health.boundary;

import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.health.control.Health;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.organization.boundary.Organizations;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.serviceaccounts.http.Csv;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Owners' reports: credentials expiring within some days, accounts idle for some days (the
 * definitions are the warnings', see Health). Each shows what the account list would show the
 * caller: team administrators see their teams' accounts only.
 */
@Stateless
public class Reports {

    /** A CSV export holds at most this many rows. */
    static final int EXPORT_MAX = 100_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Organizations organizations;

    @Inject
    Clock clock;

    public record ExpiringCredential(UUID accountId, String identifier, String displayName, UUID teamId, String teamName,
                                     String keyId, String description, Instant expiresAt, long daysLeft) {
    }

    public record IdleAccount(UUID accountId, String identifier, String displayName, UUID teamId, String teamName,
                              Instant createdAt, Instant lastUsedAt, long idleDays) {
    }

    /** The whole expiring-credentials report as CSV (at most {@value #EXPORT_MAX} rows): a header, then a row per credential. */
    public String expiringCsv(Caller caller, int days, UUID teamId) {
        return csvOfExpiring(expiring(caller, days, teamId, new PageRequest(0, EXPORT_MAX)).items());
    }

    /** The whole idle-accounts report as CSV (at most {@value #EXPORT_MAX} rows). */
    public String idleCsv(Caller caller, int days, UUID teamId) {
        return csvOfIdle(idle(caller, days, teamId, new PageRequest(0, EXPORT_MAX)).items());
    }

    private static String csvOfExpiring(List<ExpiringCredential> rows) {
        var body = new StringBuilder(Csv.row(List.of("accountId", "identifier", "displayName", "teamId", "teamName", "keyId",
                "description", "expiresAt", "daysLeft")));
        rows.forEach(r -> body.append(Csv.row(Arrays.asList(r.accountId(), r.identifier(), r.displayName(), r.teamId(), r.teamName(),
                r.keyId(), r.description(), r.expiresAt(), r.daysLeft()))));
        return body.toString();
    }

    private static String csvOfIdle(List<IdleAccount> rows) {
        var body = new StringBuilder(Csv.row(List.of("accountId", "identifier", "displayName", "teamId", "teamName", "createdAt",
                "lastUsedAt", "idleDays")));
        rows.forEach(r -> body.append(Csv.row(Arrays.asList(r.accountId(), r.identifier(), r.displayName(), r.teamId(), r.teamName(),
                r.createdAt(), r.lastUsedAt(), r.idleDays()))));
        return body.toString();
    }

    /** The days a report looks at: as asked, or the credential policy's. */
    public int expiringDays(String days) {
        return days(days, organizations.policyInForce().expiryWarningDays());
    }

    public int idleDays(String days) {
        return days(days, organizations.policyInForce().idleDays());
    }

    private static int days(String days, int fallback) {
        return dev.serviceaccounts.http.QueryParams.integer("days", days, fallback, 1, 3650);
    }

    public Page<ExpiringCredential> expiring(Caller caller, int days, UUID teamId, PageRequest page) {
        Instant now = clock.instant();
        var parameters = new HashMap<String, Object>(Map.of("now", now, "horizon", now.plus(Duration.ofDays(days))));
        String where = " where " + Health.EXPIRING + visible(caller, teamId, parameters);
        TypedQuery<Credential> items = em.createQuery("select c from Credential c join c.account a" + where
                + " order by c.expiresAt, c.id", Credential.class); // a page's accounts load in this transaction
        TypedQuery<Long> count = em.createQuery("select count(c) from Credential c join c.account a" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var found = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream().map(c -> {
            var a = c.account();
            return new ExpiringCredential(a.id(), a.identifier(), a.displayName(), a.teamId(), a.team() == null ? null : a.team().name(),
                    c.keyId(), c.description(), c.expiresAt(), Health.daysLeft(now, c.expiresAt()));
        }).toList();
        return Page.of(found, page, count.getSingleResult());
    }

    public Page<IdleAccount> idle(Caller caller, int days, UUID teamId, PageRequest page) {
        Instant now = clock.instant();
        var parameters = new HashMap<String, Object>(Map.of("cutoff", now.minus(Duration.ofDays(days))));
        String where = " where " + Health.IDLE + visible(caller, teamId, parameters);
        TypedQuery<Object[]> items = em.createQuery("select a, " + Health.LAST_USED + " from ServiceAccount a left join fetch a.team"
                + where + " order by a.identifier", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(a) from ServiceAccount a" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var found = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream().map(row -> {
            var a = (ServiceAccount) row[0];
            var lastUsed = (Instant) row[1];
            return new IdleAccount(a.id(), a.identifier(), a.displayName(), a.teamId(), a.team() == null ? null : a.team().name(),
                    a.createdAt(), lastUsed, Duration.between(lastUsed == null ? a.createdAt() : lastUsed, now).toDays());
        }).toList();
        return Page.of(found, page, count.getSingleResult());
    }

    /** Which of these accounts are idle by the policy's idle days (the console's marks); no visibility check: ids the caller was shown. */
    public java.util.Set<UUID> idleAmong(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(organizations.policyInForce().idleDays()));
        return new java.util.HashSet<>(em.createQuery("select a.id from ServiceAccount a where a.id in :ids and " + Health.IDLE, UUID.class)
                .setParameter("ids", ids).setParameter("cutoff", cutoff).getResultList());
    }

    /** The condition that keeps a report to what the caller may see, and to one team when asked. */
    private static String visible(Caller caller, UUID teamId, Map<String, Object> parameters) {
        var visibility = AccessPolicy.visibility(caller, Operation.READ_SERVICE_ACCOUNTS);
        if (teamId != null && !visibility.includes(teamId)) {
            throw new ProblemException.Forbidden("Team administrators see reports of the teams they administer only.");
        }
        var where = new StringBuilder();
        if (teamId != null) {
            where.append(" and a.team.id = :team");
            parameters.put("team", teamId);
        }
        if (!visibility.everything()) {
            where.append(" and a.team.id in :teams");
            parameters.put("teams", visibility.teams());
        }
        return where.toString();
    }
}
