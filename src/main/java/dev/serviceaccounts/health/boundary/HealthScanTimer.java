package dev.serviceaccounts.health.boundary;

import dev.serviceaccounts.health.control.HealthScan;
import dev.serviceaccounts.organization.boundary.Organizations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the health scan every HEALTH_SCAN_SECONDS (default 60) on every node; see HealthScan for why that is safe. */
@Singleton
@Startup
@DependsOn("ServerKeyCheck") // not before the schema and the server key; see ServerKeyCheck for why
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthScanTimer {

    @Resource
    TimerService timers;

    @Inject
    HealthScan scan;

    @Inject
    Organizations organizations;

    @Inject
    @ConfigProperty(name = "HEALTH_SCAN_SECONDS", defaultValue = "60")
    long intervalSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        if (intervalSeconds < 1) {
            throw new IllegalStateException("HEALTH_SCAN_SECONDS must be at least 1");
        }
        timers.createIntervalTimer(intervalSeconds * 1000, intervalSeconds * 1000, new TimerConfig(null, false));
    }

    @Timeout
    void run() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            var policy = organizations.policyInForce();
            if (policy == null) {
                return; // before the first start has created the organization
            }
            while (scan.expiring(policy.expiryWarningDays()) > 0) {
                // batches until none is left
            }
            while (scan.expired() > 0) {
                // batches until none is left
            }
            while (scan.idle(policy.idleDays()) > 0) {
                // batches until none is left
            }
        } finally {
            running.set(false);
        }
    }
}
