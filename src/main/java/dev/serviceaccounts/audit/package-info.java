/**
 * The audit trail: an append-only record of every state change, written by
 * {@link dev.serviceaccounts.audit.control.AuditTrail} inside the changing transaction, read by
 * {@link dev.serviceaccounts.audit.boundary.AuditEvents}, and sealed moments later into a hash
 * chain ({@link dev.serviceaccounts.audit.control.AuditChain}) that shows any later edit.
 */
package dev.serviceaccounts.audit;
