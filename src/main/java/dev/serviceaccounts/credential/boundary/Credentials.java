package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.credential.control.CredentialUse;
import dev.serviceaccounts.AccessChanged;
import jakarta.enterprise.event.Event;
import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.credential.control.ServerKey;
import dev.serviceaccounts.credential.control.TokenFormat;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.organization.boundary.Organizations;
import dev.serviceaccounts.organization.entity.CredentialPolicy;
import dev.serviceaccounts.problem.Conflicts;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.Validation;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.boundary.AuditTargets;
import dev.serviceaccounts.serviceaccount.boundary.NewServiceAccount;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccounts;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A service account's credentials: issue, rotate (with an optional grace period), revoke, and
 * self-rotation by the account. Changes to one account's credentials are serialized on the
 * account row, so the limit of active credentials holds under concurrent rotations.
 */
@Stateless
public class Credentials {

    public static final int MAX_USAGE_DAYS = 90;
    /** The days "recent" usage covers, today included: the console's totals and chart, the API's default. */
    public static final int RECENT_DAYS = 30;

    @PersistenceContext
    EntityManager em;

    @Inject
    ServiceAccounts accounts;

    @Inject
    ServerKey serverKey;

    @Inject
    CredentialUse use;

    @Inject
    AuditTrail audit;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    Event<AccessChanged> accessChanged;

    @Inject
    Organizations organizations;

    public List<CredentialView> list(Caller caller, UUID accountId) {
        var account = accounts.readable(caller, accountId);
        Instant now = clock.instant();
        return credentialsOf(account).stream().map(c -> CredentialView.of(c, now, use.pending(c.id()))).toList();
    }

    /** Creates an account and issues its first credential in one transaction: both, or neither. */
    public AccountWithCredential createWithCredential(Caller caller, NewServiceAccount account, NewCredential credential) {
        ServiceAccountView created = accounts.create(caller, account);
        return new AccountWithCredential(created, issue(caller, created.id(), credential));
    }

    /** Authentications per day over the last {@code days} days (UTC), today included. */
    public UsageView usage(Caller caller, UUID accountId, int days) {
        accounts.readable(caller, accountId);
        if (days < 1 || days > MAX_USAGE_DAYS) {
            throw new ProblemException.InvalidInput("days", "must be between 1 and " + MAX_USAGE_DAYS);
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        var stored = new HashMap<LocalDate, Long>();
        em.createQuery("select u.date, u.authentications from Usage u where u.accountId = :account and u.date >= :from",
                        Object[].class)
                .setParameter("account", accountId).setParameter("from", from).getResultList()
                .forEach(row -> stored.put((LocalDate) row[0], (Long) row[1]));
        var series = from.datesUntil(to.plusDays(1))
                .map(date -> new UsageView.Day(date, stored.getOrDefault(date, 0L) + use.unflushed(accountId, date)))
                .toList();
        return new UsageView(accountId, from, to, series.stream().mapToLong(UsageView.Day::authentications).sum(), series);
    }

    /** Authentications of each listed account over the last {@link #RECENT_DAYS} days; only accounts the caller reads count. */
    public Map<UUID, Long> recentAuthentications(Caller caller, Collection<ServiceAccountView> listed) {
        var ids = listed.stream().filter(a -> AccessPolicy.permits(caller, Operation.READ_SERVICE_ACCOUNTS,
                Scope.team(a.team() == null ? null : a.team().id()))).map(ServiceAccountView::id).toList();
        var totals = new HashMap<UUID, Long>();
        if (ids.isEmpty()) {
            return totals;
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(RECENT_DAYS - 1L);
        ids.forEach(id -> totals.put(id, from.datesUntil(to.plusDays(1)).mapToLong(date -> use.unflushed(id, date)).sum()));
        em.createQuery("select u.accountId, sum(u.authentications) from Usage u where u.accountId in :ids and u.date >= :from "
                        + "group by u.accountId", Object[].class)
                .setParameter("ids", ids).setParameter("from", from).getResultList()
                .forEach(row -> totals.merge((UUID) row[0], ((Number) row[1]).longValue(), Long::sum));
        return totals;
    }

    public IssuedCredential issue(Caller caller, UUID accountId, NewCredential request) {
        var account = accounts.manageable(caller, accountId);
        request = Validation.require(validator, request == null ? NewCredential.DEFAULTS : request);
        requireRoomFor(account, null);
        var issued = create(caller, account, request);
        audit.record(caller, AuditAction.CREDENTIAL_ISSUED, AuditTargets.of(account), details(issued, null));
        return issued;
    }

    public IssuedCredential rotate(Caller caller, UUID accountId, String keyId, NewCredential request) {
        var account = accounts.manageable(caller, accountId);
        return replace(caller, account, find(account, keyId), request == null ? NewCredential.DEFAULTS : request);
    }

    /** A service account replaces the key it authenticated with (BrowserStack's recycle-key call). */
    public IssuedCredential rotateOwn(Caller caller, NewCredential request) {
        if (caller.kind() != ActorKind.SERVICE_ACCOUNT || caller.keyId() == null) {
            throw new ProblemException.Forbidden("Only a service account rotates its own key, authenticated by that key.");
        }
        if (caller.viaToken()) {
            // a stolen 15-minute token must not become a secret that lives for months
            throw new ProblemException.Forbidden("A JWT cannot mint a long-lived secret: rotate with the key id and secret.");
        }
        var account = em.find(ServiceAccount.class, caller.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ProblemException.notFound("Service account " + caller.id());
        }
        return replace(caller, account, find(account, caller.keyId()), request == null ? NewCredential.DEFAULTS : request);
    }

    /**
     * Revokes a secret a scanner reports as leaked, if it is one of ours and still works: at once,
     * before the report is answered. Anything else (malformed, unknown, wrong, already revoked)
     * changes nothing; the reporter is told the same either way.
     */
    public void revokeReported(String reporter, String sourceIp, String secret, String url) {
        String keyId = TokenFormat.keyIdOf(secret);
        if (keyId == null) {
            return;
        }
        var found = em.createNamedQuery(Credential.BY_KEY_ID, Credential.class).setParameter("keyId", keyId)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        Instant now = clock.instant();
        if (found.isEmpty() || !serverKey.matches(secret, found.get(0).secretHash())
                || found.get(0).stateAt(now) == Credential.State.REVOKED) {
            return;
        }
        var more = new LinkedHashMap<String, Object>();
        more.put("reporter", reporter);
        more.put("url", url == null ? null : url.length() > 500 ? url.substring(0, 500) : url);
        revokeNow(found.get(0), now, Actor.reporter(reporter), sourceIp, "reported leaked", more);
    }

    public CredentialView revoke(Caller caller, UUID accountId, String keyId, String reason) {
        var account = accounts.containable(caller, accountId);
        if (reason != null && reason.length() > 200) {
            throw new ProblemException.InvalidInput("reason", "must be at most 200 characters");
        }
        var credential = find(account, keyId);
        Instant now = clock.instant();
        if (credential.stateAt(now) != Credential.State.REVOKED) {
            revokeNow(credential, now, caller.actor(), caller.sourceIp(),
                    reason == null || reason.isBlank() ? "revoked" : reason.strip(), Map.of());
        }
        return CredentialView.of(credential, now, use.pending(credential.id()));
    }

    /** Revokes at once: the cache forgets the account's credentials, and the audit trail says who, why and from where. */
    private void revokeNow(Credential credential, Instant now, Actor actor, String sourceIp, String reason, Map<String, ?> more) {
        credential.revoke(now, actor.name(), reason);
        accessChanged.fire(AccessChanged.of(credential.account().id()));
        Conflicts.flush(em, "The credential changed meanwhile.");
        var details = new LinkedHashMap<String, Object>();
        details.put("keyId", credential.keyId());
        details.put("reason", credential.revokeReason());
        details.putAll(more);
        audit.recordBy(actor, sourceIp, AuditAction.CREDENTIAL_REVOKED, AuditTargets.of(credential.account()), details);
    }

    private IssuedCredential replace(Caller caller, ServiceAccount account, Credential old, NewCredential request) {
        Validation.require(validator, request);
        Instant now = clock.instant();
        if (old.revokedAt() != null && old.stateAt(now) == Credential.State.ACTIVE) {
            throw new ProblemException.Conflict("Credential " + old.keyId() + " was already rotated and stops at "
                    + old.revokedAt() + "; rotate its replacement instead.");
        }
        if (old.stateAt(now) != Credential.State.ACTIVE) {
            throw new ProblemException.Conflict("Credential " + old.keyId() + " is " + old.stateAt(now).name().toLowerCase()
                    + "; issue a new one instead.");
        }
        requireRoomFor(account, old);
        // the replacement serves what the old one served: it keeps the description unless given another
        var issued = create(caller, account, blankToNull(request.description()) != null ? request
                : new NewCredential(request.lifetimeDays(), old.description(), request.gracePeriodSeconds()));
        long grace = request.gracePeriodSeconds() == null ? 0 : request.gracePeriodSeconds();
        old.revoke(now.plusSeconds(grace), caller.name(), "rotated to " + issued.keyId());
        accessChanged.fire(AccessChanged.of(account.id()));
        Conflicts.flush(em, "The credential changed meanwhile.");
        var details = details(issued, old.keyId());
        details.put("gracePeriodSeconds", grace);
        audit.record(caller, AuditAction.CREDENTIAL_ROTATED, AuditTargets.of(account), details);
        return new IssuedCredential(issued.keyId(), issued.secret(), issued.credential(), old.keyId());
    }

    private IssuedCredential create(Caller caller, ServiceAccount account, NewCredential request) {
        Instant now = clock.instant();
        var generated = TokenFormat.generate();
        var credential = new Credential(account, generated.keyId(), serverKey.hash(generated.secret()),
                blankToNull(request.description()), caller.actor(), now, expiry(request.lifetimeDays(), now));
        em.persist(credential);
        Conflicts.flush(em, "The credential could not be stored; try again.");
        return new IssuedCredential(generated.keyId(), generated.secret(), CredentialView.of(credential, now, null), null);
    }

    private Instant expiry(Integer lifetimeDays, Instant now) {
        CredentialPolicy policy = organizations.policyInForce();
        int days = lifetimeDays == null ? policy.defaultLifetimeDays() : lifetimeDays;
        if (days == 0) {
            if (!policy.allowNonExpiring()) {
                throw new ProblemException.InvalidInput("lifetimeDays", "the organization requires credentials to expire");
            }
            return null;
        }
        if (days > policy.maxLifetimeDays()) {
            throw new ProblemException.InvalidInput("lifetimeDays",
                    "must be at most " + policy.maxLifetimeDays() + " days, the organization's maximum");
        }
        return now.plus(Duration.ofDays(days));
    }

    /** Active credentials, not counting one being replaced, must leave room for one more. */
    private void requireRoomFor(ServiceAccount account, Credential replaced) {
        Instant now = clock.instant();
        int max = organizations.policyInForce().maxActiveCredentials();
        long active = credentialsOf(account).stream()
                .filter(c -> c != replaced && c.countsAgainstLimitAt(now)).count();
        if (active >= max) {
            throw new ProblemException.Conflict("The account already has " + active + " active credential(s), the most the "
                    + "organization allows (" + max + "); revoke or rotate one instead.");
        }
    }

    private Credential find(ServiceAccount account, String keyId) {
        return credentialsOf(account).stream().filter(c -> c.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Credential " + keyId + " of this account"));
    }

    private List<Credential> credentialsOf(ServiceAccount account) {
        return em.createNamedQuery(Credential.OF_ACCOUNT, Credential.class).setParameter("account", account.id()).getResultList();
    }


    private static Map<String, Object> details(IssuedCredential issued, String replaced) {
        var details = new LinkedHashMap<String, Object>();
        details.put("keyId", issued.keyId());
        details.put("expiresAt", issued.credential().expiresAt());
        if (replaced != null) {
            details.put("replacedKeyId", replaced);
        }
        return details;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
