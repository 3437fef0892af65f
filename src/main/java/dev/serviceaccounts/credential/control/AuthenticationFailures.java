package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records why a credential was refused, which the client is never told. At most one event per
 * key id (or source address, for unknown keys), reason and minute, so a client retrying in a
 * loop cannot flood the audit trail.
 */
@Stateless
public class AuthenticationFailures {

    private static final Map<String, Instant> LAST = new ConcurrentHashMap<>();

    /** The real reasons, recorded in the audit trail only. */
    public enum Reason {
        UNKNOWN_KEY, WRONG_SECRET, EXPIRED, REVOKED, ACCOUNT_DISABLED
    }

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Reason reason, String keyId, UUID accountId, String identifier, UUID teamId, String sourceIp) {
        Instant now = clock.instant();
        String key = (accountId == null ? sourceIp : keyId) + "|" + reason;
        Instant last = LAST.get(key);
        if (last != null && now.isBefore(last.plusSeconds(60))) {
            return;
        }
        if (LAST.size() > 50_000) {
            LAST.clear();
        }
        LAST.put(key, now);
        var details = new LinkedHashMap<String, Object>();
        details.put("reason", reason.name());
        details.put("keyId", keyId);
        var target = accountId == null
                ? new AuditTrail.Target(TargetKind.CREDENTIAL, null, keyId, null)
                : new AuditTrail.Target(TargetKind.SERVICE_ACCOUNT, accountId, identifier, teamId);
        audit.recordAnonymous(AuditAction.AUTHENTICATION_FAILED, target, details, sourceIp);
    }
}
