package dev.serviceaccounts.credential.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes the last-used times noted in memory, every 15 seconds, as bulk updates. */
@Singleton
public class CredentialUseFlush {

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialUse use;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    public void flush() {
        use.drain().forEach((id, last) -> em.createQuery(
                        "update Credential c set c.lastUsedAt = :at, c.lastUsedIp = :ip where c.id = :id "
                                + "and (c.lastUsedAt is null or c.lastUsedAt < :at)")
                .setParameter("at", last.at()).setParameter("ip", last.ip()).setParameter("id", id)
                .executeUpdate());
    }
}
