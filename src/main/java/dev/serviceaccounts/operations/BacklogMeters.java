package dev.serviceaccounts.operations;

import dev.serviceaccounts.cluster.Peers;
import dev.serviceaccounts.webhook.entity.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gauges of work waiting in the shared database and of the cluster, read when Prometheus scrapes
 * (an indexed count each), never on a request's path:
 * {@code service_accounts_webhook_deliveries{status="pending"|"failed"}},
 * {@code service_accounts_audit_events_unsealed} and {@code service_accounts_cluster_members}.
 */
@ApplicationScoped
public class BacklogMeters {

    private static final Logger LOG = Logger.getLogger(BacklogMeters.class.getName());

    @Inject
    MeterRegistry registry;

    @PersistenceContext
    EntityManager em;

    @Inject
    Peers peers;

    private final List<Supplier<Number>> readers = new CopyOnWriteArrayList<>();

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (var status : new WebhookDelivery.Status[] {WebhookDelivery.Status.PENDING, WebhookDelivery.Status.FAILED}) {
            gauge("service_accounts.webhook.deliveries",
                    () -> em.createQuery("select count(d) from WebhookDelivery d where d.status = :status", Long.class)
                            .setParameter("status", status).getSingleResult(),
                    "status", status.name().toLowerCase(java.util.Locale.ROOT));
        }
        gauge("service_accounts.audit.events.unsealed",
                () -> em.createQuery("select count(e) from AuditEvent e where e.chainSeq is null", Long.class).getSingleResult());
        gauge("service_accounts.cluster.members", () -> peers.view().clustered() ? peers.view().members().size() : 1);
    }

    /**
     * Through the registry's own method, not a builder: WildFly exports a deployment's meters made that
     * way only. A gauge holds what it reads weakly, so the readers are kept here.
     */
    private void gauge(String name, Supplier<Number> value, String... tags) {
        readers.add(value);
        registry.gauge(name, Tags.of(tags), value, BacklogMeters::read);
    }

    /** NaN when it cannot be read (the database is down): a gap in the graph, not a false zero. */
    private static double read(Supplier<Number> value) {
        try {
            return value.get().doubleValue();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "A gauge could not be read", e);
            return Double.NaN;
        }
    }
}
