package dev.serviceaccounts.member.control;

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
 * Records refused member sign-ins (API Basic and console alike): no actor, the username tried,
 * the address and the reason. At most one event a minute per member (or per address, for unknown
 * usernames and throttled attempts) and reason, so a flood writes a bounded number of rows.
 */
@Stateless
public class SignInFailures {

    public enum Reason {
        UNKNOWN_USERNAME, WRONG_PASSWORD, /** refused unchecked, after too many failures */ THROTTLED
    }

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Reason reason, String username, UUID memberId, String sourceIp) {
        var details = new LinkedHashMap<String, Object>();
        details.put("reason", reason.name());
        details.put("username", username.length() > 64 ? username.substring(0, 64) : username);
        String key = "sign-in|" + (memberId == null ? sourceIp : memberId.toString()) + "|" + reason;
        audit.recordRepeatable(key, AuditAction.AUTHENTICATION_FAILED,
                new AuditTrail.Target(TargetKind.MEMBER, memberId, memberId == null ? null : username, null), details, sourceIp);
    }
}
