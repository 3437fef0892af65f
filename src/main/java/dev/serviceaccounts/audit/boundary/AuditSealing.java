package dev.serviceaccounts.audit.boundary;

import dev.serviceaccounts.audit.control.AuditChain;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Seals new audit events into the chain every five seconds, so an event stays editable without
 * detection for seconds at most. Each batch commits on its own; several nodes take turns on the
 * chain's head row.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealing {

    @Inject
    AuditChain chain;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void seal() {
        while (chain.sealPending() > 0) {
            // one batch per transaction until nothing is pending
        }
    }
}
