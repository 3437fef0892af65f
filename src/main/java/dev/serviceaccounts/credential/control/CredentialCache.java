package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.AccessChanged;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one seam for caching validated credentials on this node, keyed by key id.
 * <p>
 * Whoever changes what a credential check depends on (the credential, its account, the account's
 * roles or team) announces {@link AccessChanged} inside its transaction, and this cache observes
 * it: the account's entries go at once and again when the transaction completes, before the call
 * that changed them returns. An epoch counter keeps a load that read the database before that
 * commit from putting its stale copy back. Several nodes will need this observer to broadcast
 * invalidations; no writer has to change.
 */
@ApplicationScoped
public class CredentialCache {

    /** A snapshot and when it was read ({@link System#nanoTime()}). */
    private record Entry(CredentialSnapshot snapshot, long loadedAt) {
    }

    private final Map<String, Entry> byKeyId = new ConcurrentHashMap<>();
    private final Map<UUID, Set<String>> keysOfAccount = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "CREDENTIAL_CACHE_MAX", defaultValue = "100000")
    int maxEntries;

    /**
     * How long a snapshot is trusted at most. This node's own changes evict at once; the bound is
     * for changes it cannot hear of (another node's, until the nodes share invalidations).
     */
    @Inject
    @ConfigProperty(name = "CREDENTIAL_CACHE_TTL_SECONDS", defaultValue = "30")
    long ttlSeconds;

    private long ttlNanos;

    @jakarta.annotation.PostConstruct
    void init() {
        if (ttlSeconds < 1) {
            throw new IllegalStateException("CREDENTIAL_CACHE_TTL_SECONDS must be at least 1");
        }
        ttlNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(ttlSeconds);
        // read at scrape time: the hot path only adds to a LongAdder (registered through the registry's own
        // methods, not builders: WildFly exports a deployment's meters made that way only)
        registry.more().counter("service_accounts.credential_cache.lookups", Tags.of("result", "hit"), hits, LongAdder::sum);
        registry.more().counter("service_accounts.credential_cache.lookups", Tags.of("result", "miss"), misses, LongAdder::sum);
        registry.gauge("service_accounts.credential_cache.size", Tags.empty(), byKeyId, Map::size);
    }

    /** The cached snapshot, or the loader's answer (cached unless an invalidation raced it). */
    public CredentialSnapshot get(String keyId, Function<String, CredentialSnapshot> loader) {
        Entry cached = byKeyId.get(keyId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ttlNanos) {
            hits.increment();
            return cached.snapshot();
        }
        misses.increment();
        long before = epoch.get();
        CredentialSnapshot loaded = loader.apply(keyId);
        if (loaded != null && epoch.get() == before) {
            if (byKeyId.size() >= maxEntries) {
                clear();
            }
            keysOfAccount.computeIfAbsent(loaded.accountId(), a -> ConcurrentHashMap.newKeySet()).add(keyId);
            byKeyId.put(keyId, new Entry(loaded, System.nanoTime()));
            if (epoch.get() != before) { // invalidated while we were putting: do not keep it
                byKeyId.remove(keyId);
            }
        }
        return loaded;
    }

    /** Forgets what the change touched, now and again when the announcing transaction completes. */
    void on(@Observes AccessChanged change) {
        if (change.everyAccount()) {
            invalidateAll();
        } else {
            invalidate(change.serviceAccountId());
        }
    }

    /** Forgets an account's credentials now and again when the current transaction completes. */
    void invalidate(UUID accountId) {
        evict(accountId);
        afterTransaction(() -> evict(accountId));
    }

    /** Forgets everything, now and after the current transaction: for changes touching many accounts. */
    void invalidateAll() {
        clear();
        afterTransaction(this::clear);
    }

    private void afterTransaction(Runnable eviction) {
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    eviction.run(); // committed or rolled back: either way the next check reads the database
                }
            });
        }
    }

    private void evict(UUID accountId) {
        epoch.incrementAndGet();
        Set<String> keys = keysOfAccount.remove(accountId);
        if (keys != null) {
            keys.forEach(byKeyId::remove);
        }
    }

    private void clear() {
        epoch.incrementAndGet();
        byKeyId.clear();
        keysOfAccount.clear();
    }
}
