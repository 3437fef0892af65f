package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * Records why a credential was refused, which the client is never told. At most one event per
 * key id (or source address, for unknown keys), reason and minute ({@link AuditTrail#recordRepeatable}).
 */
@Stateless
public class AuthenticationFailures {

    /** The real reasons, recorded in the audit trail only. */
    public enum Reason {
        UNKNOWN_KEY, WRONG_SECRET, EXPIRED, REVOKED, ACCOUNT_DISABLED
    }

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Reason reason, String keyId, UUID accountId, String identifier, UUID teamId, String sourceIp) {
        String key = "credential|" + (accountId == null ? sourceIp : keyId) + "|" + reason;
        var details = new LinkedHashMap<String, Object>();
        details.put("reason", reason.name());
        details.put("keyId", keyId);
        var target = accountId == null
                ? new AuditTrail.Target(TargetKind.CREDENTIAL, null, keyId, null)
                : new AuditTrail.Target(TargetKind.SERVICE_ACCOUNT, accountId, identifier, teamId);
        audit.recordRepeatable(key, AuditAction.AUTHENTICATION_FAILED, target, details, sourceIp);
    }
}
