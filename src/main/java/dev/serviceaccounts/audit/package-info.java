/**
 * The audit trail: an append-only record of every state change, written by
 * {@link dev.serviceaccounts.audit.control.AuditTrail} inside the changing transaction, read by
 * {@link dev.serviceaccounts.audit.boundary.AuditEvents}.
 */
package dev.serviceaccounts.audit;
