package dev.serviceaccounts.audit.control;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.AuditEvent;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes audit events. It joins the caller's transaction, so an event exists exactly when the
 * change it records was committed.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_DETAILS = 4000;

    /** When each repeated anonymous event was last written, by its key; see {@link #recordRepeatable}. */
    private static final Map<String, Instant> LAST_REPEATED = new ConcurrentHashMap<>();
    private static final int REPEATED_MAX = 50_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditEvent> recorded;

    /** What an event is about: kind, id, the name it has now, and the team it belongs to. */
    public record Target(TargetKind kind, UUID id, String name, UUID teamId) {
    }

    public void record(Caller caller, AuditAction action, Target target, Map<String, ?> details) {
        write(caller.actor(), caller.sourceIp(), action, target, details);
    }

    /** An event with no authenticated actor, such as a refused credential. */
    public void recordAnonymous(AuditAction action, Target target, Map<String, ?> details, String sourceIp) {
        write(new Actor(dev.serviceaccounts.audit.entity.ActorKind.ANONYMOUS, null, "anonymous"), sourceIp, action, target, details);
    }

    /**
     * An anonymous event that a client can cause in a loop (a refused credential or sign-in),
     * written at most once a minute per key on each node, so a flood writes a bounded number of rows.
     */
    public void recordRepeatable(String key, AuditAction action, Target target, Map<String, ?> details, String sourceIp) {
        Instant now = clock.instant();
        Instant last = LAST_REPEATED.get(key);
        if (last != null && now.isBefore(last.plusSeconds(60)) && !now.isBefore(last)) {
            return;
        }
        if (LAST_REPEATED.size() >= REPEATED_MAX) {
            LAST_REPEATED.clear();
        }
        LAST_REPEATED.put(key, now);
        recordAnonymous(action, target, details, sourceIp);
    }

    /** An event by an actor that is not a caller of the API, such as a configured secret reporter. */
    public void recordBy(Actor actor, String sourceIp, AuditAction action, Target target, Map<String, ?> details) {
        write(actor, sourceIp, action, target, details);
    }

    public void recordBySystem(AuditAction action, Target target, Map<String, ?> details) {
        write(Actor.system(), null, action, target, details);
    }

    private void write(Actor actor, String sourceIp, AuditAction action, Target target, Map<String, ?> details) {
        var event = new AuditEvent(clock.instant(), actor, action, target.kind(), target.id(), target.name(),
                target.teamId(), json(details), sourceIp);
        em.persist(event);
        recorded.fire(event); // observers (the webhook outbox) act in this same transaction
    }

    static String json(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        JsonObjectBuilder builder = JsonP.object();
        details.forEach((key, value) -> {
            if (value == null) {
                builder.addNull(key);
            } else if (value instanceof Boolean b) {
                builder.add(key, b);
            } else if (value instanceof Number n) {
                builder.add(key, n.longValue());
            } else {
                builder.add(key, value.toString());
            }
        });
        String json = builder.build().toString();
        // The column is bounded; a huge value is cut rather than failing the change it records.
        return json.length() <= MAX_DETAILS ? json
                : JsonP.object().add("truncated", json.substring(0, MAX_DETAILS - 100)).build().toString();
    }
}
