package dev.serviceaccounts.health.control;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.serviceaccount.boundary.AuditTargets;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Gives owners' warnings, each once: a credential expiring within the policy's warning days, a
 * credential that expired, an account unused for the policy's idle days. Each is an audit event
 * by the system (so the trail shows it, and webhooks carry it). Every node may scan: a warning is
 * marked given by a conditional update that only one scan wins, in the transaction that records it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HealthScan {

    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Warns of credentials about to expire; returns how many warnings it gave. */
    public int expiring(int warningDays) {
        Instant now = clock.instant();
        int given = 0;
        for (UUID id : em.createQuery("select c.id from Credential c where c.expiryWarnedAt is null and " + Health.EXPIRING, UUID.class)
                .setParameter("now", now).setParameter("horizon", now.plus(Duration.ofDays(warningDays)))
                .setMaxResults(BATCH).getResultList()) {
            if (mark("update credential set expiry_warned_at = ?1 where id = ?2 and expiry_warned_at is null", now, id)) {
                var credential = em.find(Credential.class, id);
                record(AuditAction.CREDENTIAL_EXPIRING, credential, now);
                given++;
            }
        }
        return given;
    }

    /** Tells of credentials that expired (once each, whether warned before or not). */
    public int expired() {
        Instant now = clock.instant();
        int given = 0;
        for (UUID id : em.createQuery("select c.id from Credential c where c.expiredNotedAt is null and " + Health.EXPIRED, UUID.class)
                .setParameter("now", now).setMaxResults(BATCH).getResultList()) {
            if (mark("update credential set expired_noted_at = ?1 where id = ?2 and expired_noted_at is null", now, id)) {
                record(AuditAction.CREDENTIAL_EXPIRED, em.find(Credential.class, id), now);
                given++;
            }
        }
        return given;
    }

    /**
     * Tells of accounts gone idle: once per idle spell, as an account used after the warning is
     * watched again.
     */
    public int idle(int idleDays) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(idleDays));
        int given = 0;
        for (Object[] row : em.createQuery("select a.id, a.idleNotedAt from ServiceAccount a where " + Health.IDLE
                        + " and (a.idleNotedAt is null "
                        + "or exists (select u.id from Credential u where u.account = a and u.lastUsedAt > a.idleNotedAt))", Object[].class)
                .setParameter("cutoff", cutoff).setMaxResults(BATCH).getResultList()) {
            UUID id = (UUID) row[0];
            Instant noted = (Instant) row[1];
            // only if nobody noted it since this scan looked: of two nodes, one wins
            boolean won = noted == null
                    ? mark("update service_account set idle_noted_at = ?1 where id = ?2 and idle_noted_at is null", now, id)
                    : em.createNativeQuery("update service_account set idle_noted_at = ?1 where id = ?2 and idle_noted_at = ?3")
                            .setParameter(1, now).setParameter(2, id).setParameter(3, noted).executeUpdate() == 1;
            if (won) {
                var account = em.find(ServiceAccount.class, id);
                Instant lastUsed = em.createQuery("select max(c.lastUsedAt) from Credential c where c.account = :a", Instant.class)
                        .setParameter("a", account).getSingleResult();
                var details = new LinkedHashMap<String, Object>();
                details.put("idleDays", idleDays);
                details.put("lastUsedAt", lastUsed == null ? null : lastUsed.toString());
                audit.recordBySystem(AuditAction.SERVICE_ACCOUNT_IDLE, AuditTargets.of(account), details);
                given++;
            }
        }
        return given;
    }

    private boolean mark(String update, Instant now, UUID id) {
        return em.createNativeQuery(update).setParameter(1, now).setParameter(2, id).executeUpdate() == 1;
    }

    private void record(AuditAction action, Credential credential, Instant now) {
        var details = new LinkedHashMap<String, Object>();
        details.put("keyId", credential.keyId());
        details.put("description", credential.description());
        details.put("expiresAt", credential.expiresAt().toString());
        details.put("daysLeft", Health.daysLeft(now, credential.expiresAt()));
        audit.recordBySystem(action, AuditTargets.of(credential.account()), details);
    }
}
