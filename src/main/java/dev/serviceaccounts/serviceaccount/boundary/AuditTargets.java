package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;

/** How a service account is named in the audit trail: its id, its identifier now, its team now. */
public final class AuditTargets {

    private AuditTargets() {
    }

    public static AuditTrail.Target of(ServiceAccount account) {
        return new AuditTrail.Target(TargetKind.SERVICE_ACCOUNT, account.id(), account.identifier(), account.teamId());
    }
}
