package dev.serviceaccounts.audit.boundary;

import dev.serviceaccounts.audit.control.AuditChain;
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

/**
 * Seals new audit events into the chain every five seconds, so an event stays editable without
 * detection for seconds at most. Each batch commits on its own; several nodes take turns on the
 * chain's head row.
 * Its timer starts after {@code ServerKeyCheck}, never as an automatic {@code @Schedule} (see there).
 */
@Singleton
@Startup
@DependsOn("ServerKeyCheck")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealing {

    @Inject
    AuditChain chain;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(5_000, 5_000, new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        seal();
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void seal() {
        while (chain.sealPending() > 0) {
            // one batch per transaction until nothing is pending
        }
    }
}
