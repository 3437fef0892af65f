package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.credential.entity.Credential;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Reads a credential for authentication in a transaction of its own. Authentication runs before
 * any request transaction; outside one, a persistence context can outlive its request on a worker
 * thread and hand back an entity as it was, not as committed. A transaction's context is always
 * fresh and closed at its end, so what is cached is what the database holds.
 */
@Stateless
public class CredentialLoader {

    @PersistenceContext
    EntityManager em;

    public CredentialSnapshot load(String keyId) {
        var found = em.createNamedQuery(Credential.BY_KEY_ID, Credential.class)
                .setParameter("keyId", keyId)
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Credential.WITH_ACCOUNT_AND_ROLES))
                .getResultList();
        return found.isEmpty() ? null : CredentialSnapshot.of(found.get(0), CredentialCheck.callerOf(found.get(0).account(), keyId));
    }
}
