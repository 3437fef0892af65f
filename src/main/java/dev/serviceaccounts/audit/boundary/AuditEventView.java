package dev.serviceaccounts.audit.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.AuditEvent;
import dev.serviceaccounts.audit.entity.TargetKind;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

public record AuditEventView(long id, Instant occurredAt, ActorView actor, AuditAction action, TargetView target,
                             UUID teamId, JsonObject details, String sourceIp) {

    public record ActorView(ActorKind kind, UUID id, String name) {
    }

    public record TargetView(TargetKind kind, UUID id, String name) {
    }

    static AuditEventView of(AuditEvent event) {
        JsonObject details = event.details() == null ? JsonObject.EMPTY_JSON_OBJECT
                : JsonP.reader(new StringReader(event.details())).readObject();
        return new AuditEventView(event.id(), event.occurredAt(),
                new ActorView(event.actor().kind(), event.actor().id(), event.actor().name()), event.action(),
                new TargetView(event.targetKind(), event.targetId(), event.targetName()), event.teamId(), details,
                event.sourceIp());
    }
}
