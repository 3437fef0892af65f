package dev.serviceaccounts.organization.control;

import dev.serviceaccounts.organization.entity.OnceLock;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Serializes work that must happen once across every node sharing the database: the caller's
 * transaction holds the row lock until it commits, so a second node waits, then sees the work
 * done. Check again after locking; the lock only orders, it does not decide.
 */
@Stateless
public class OnceLocks {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lock(String name) {
        if (em.find(OnceLock.class, name, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new IllegalStateException("No once_lock row " + name + ": the migrations did not run");
        }
    }
}
