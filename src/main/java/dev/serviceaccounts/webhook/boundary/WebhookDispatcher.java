package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.webhook.control.WebhookOutbox;
import dev.serviceaccounts.webhook.control.WebhookSender;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due webhook deliveries every two seconds, on every node; the outbox's leases make sure two
 * nodes never send the same attempt. Sending happens outside any transaction: a slow receiver
 * holds no database lock.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

    private static final int BATCH = 50;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSender sender;

    @Inject
    Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    public void deliver() {
        if (!running.compareAndSet(false, true)) {
            return; // the last round is still sending
        }
        try {
            for (var claims = outbox.claimDue(BATCH, sender.lease()); !claims.isEmpty(); claims = outbox.claimDue(BATCH, sender.lease())) {
                for (var claim : claims) {
                    var started = clock.instant();
                    var outcome = sender.send(claim);
                    outbox.attempted(claim.deliveryId(), started, outcome.statusCode(), outcome.error(), outcome.durationMs());
                }
            }
        } finally {
            running.set(false);
        }
    }
}
