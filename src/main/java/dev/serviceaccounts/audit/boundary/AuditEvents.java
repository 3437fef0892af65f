package dev.serviceaccounts.audit.boundary;

import dev.serviceaccounts.audit.control.AuditChain;
import dev.serviceaccounts.audit.entity.AuditEvent;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit trail, newest first. Team administrators read the events of their teams. */
@Stateless
public class AuditEvents {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditChain chain;

    @Inject
    AuditSealing sealing;

    @Inject
    Clock clock;

    /** Seals every event committed so far, then verifies the whole chain. */
    public AuditChain.Verification verify(Caller caller) {
        AccessPolicy.require(caller, Operation.READ_AUDIT, AccessPolicy.Scope.ORGANIZATION);
        sealing.seal();
        return chain.verify(clock.instant());
    }

    public Page<AuditEventView> list(Caller caller, AuditQuery query) {
        var parameters = new HashMap<String, Object>();
        var where = where(caller, query, parameters);
        TypedQuery<AuditEvent> items = em.createQuery(
                "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        var page = query.page();
        var found = items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(found.stream().map(AuditEventView::of).toList(), page, count.getSingleResult());
    }

    /**
     * The next events of an export, oldest first, after the event {@code afterId}: keyset paging,
     * so events written while an export runs neither shift nor repeat its rows.
     */
    public List<AuditEventView> exportBatch(Caller caller, AuditQuery query, long afterId, int max) {
        var parameters = new HashMap<String, Object>();
        var where = where(caller, query, parameters).append(" and e.id > :after");
        parameters.put("after", afterId);
        TypedQuery<AuditEvent> items = em.createQuery("select e from AuditEvent e" + where + " order by e.id", AuditEvent.class);
        parameters.forEach(items::setParameter);
        return items.setMaxResults(max).getResultList().stream().map(AuditEventView::of).toList();
    }

    private static StringBuilder where(Caller caller, AuditQuery query, Map<String, Object> parameters) {
        var visibility = AccessPolicy.visibility(caller, Operation.READ_AUDIT);
        var where = new StringBuilder(" where 1 = 1");
        if (query.targetId() != null) {
            where.append(" and e.targetId = :targetId");
            parameters.put("targetId", query.targetId());
        }
        if (query.targetKind() != null) {
            where.append(" and e.targetKind = :targetKind");
            parameters.put("targetKind", query.targetKind());
        }
        if (query.actorId() != null) {
            where.append(" and e.actor.id = :actorId");
            parameters.put("actorId", query.actorId());
        }
        if (query.action() != null) {
            where.append(" and e.action = :action");
            parameters.put("action", query.action());
        }
        if (query.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", query.to());
        }
        if (!visibility.everything()) {
            where.append(" and e.teamId in :teams");
            parameters.put("teams", visibility.teams());
        }
        return where;
    }
}
