package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.credential.control.CredentialUse;
import jakarta.annotation.Resource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Writes the last-used times and daily authentication counts noted in memory, every 15 seconds.
 * Its timer starts after {@code ServerKeyCheck}, never as an automatic {@code @Schedule} (see there).
 */
@Singleton
@Startup
@DependsOn("ServerKeyCheck")
public class CredentialUseFlush {

    /** Adds a day's count; an account deleted meanwhile selects no row, so nothing is written for it. */
    private static final String ADD_COUNT = """
            merge into service_account_usage u
            using (select a.id as service_account_id, cast(?1 as date) as usage_date, cast(?2 as bigint) as authentications
                   from service_account a where a.id = ?3) s
            on u.service_account_id = s.service_account_id and u.usage_date = s.usage_date
            when matched then update set authentications = u.authentications + s.authentications
            when not matched then insert (service_account_id, usage_date, authentications)
                values (s.service_account_id, s.usage_date, s.authentications)""";

    @PersistenceContext
    EntityManager em;

    @Inject
    CredentialUse use;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Resource
    TimerService timers;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(15_000, 15_000, new TimerConfig(null, false));
    }

    @Timeout
    void onTimer() {
        flush();
    }

    /** Writes a batch in this method's transaction; memory forgets it only once that transaction committed. */
    public void flush() {
        var batch = use.unwritten(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        batch.uses().forEach((id, last) -> em.createQuery(
                        "update Credential c set c.lastUsedAt = :at, c.lastUsedIp = :ip where c.id = :id "
                                + "and (c.lastUsedAt is null or c.lastUsedAt < :at)")
                .setParameter("at", last.at()).setParameter("ip", last.ip()).setParameter("id", id)
                .executeUpdate());
        batch.counts().forEach((day, n) -> em.createNativeQuery(ADD_COUNT)
                .setParameter(1, day.date()).setParameter(2, n).setParameter(3, day.accountId())
                .executeUpdate());
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    use.written(batch);
                }
            }
        });
    }
}
