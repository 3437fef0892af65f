package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.webhook.control.WebhookOutbox;
import dev.serviceaccounts.webhook.control.WebhookSender;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due webhook deliveries every two seconds, on every node; the outbox's leases make sure two
 * nodes never send the same attempt. Sending happens outside any transaction: a slow receiver
 * holds no database lock.
 * Its timer starts after {@code ServerKeyCheck}, never as an automatic {@code @Schedule} (see there).
 */
@Singleton
@Startup
@DependsOn("ServerKeyCheck")
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

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(2_000, 2_000, new TimerConfig(null, false));
    }

    @Timeout
    void onTimer() {
        deliver();
    }

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
