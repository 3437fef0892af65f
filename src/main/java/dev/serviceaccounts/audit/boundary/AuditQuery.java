package dev.serviceaccounts.audit.boundary;

import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.http.QueryParams;
import java.time.Instant;
import java.util.UUID;

/** Filters of the audit trail; every one optional. from is inclusive, to exclusive. */
public record AuditQuery(UUID targetId, TargetKind targetKind, UUID actorId, AuditAction action, Instant from, Instant to,
                         PageRequest page) {

    public static AuditQuery parse(String targetId, String targetKind, String actorId, String action, String from,
                                   String to, String page, String size) {
        return new AuditQuery(QueryParams.uuid("targetId", targetId),
                QueryParams.enumeration("targetKind", targetKind, TargetKind.class),
                QueryParams.uuid("actorId", actorId), QueryParams.enumeration("action", action, AuditAction.class),
                QueryParams.instant("from", from), QueryParams.instant("to", to), PageRequest.parse(page, size));
    }
}
