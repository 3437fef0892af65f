package dev.serviceaccounts.credential.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When and from where each credential was last used, kept in memory on the request path and
 * written to the database in batches by {@link CredentialUseFlush}: no write per request. A
 * credential's use is noted at most once a minute.
 */
@ApplicationScoped
public class CredentialUse {

    static final Duration RESOLUTION = Duration.ofMinutes(1);

    public record Use(Instant at, String ip) {
    }

    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> noted = new ConcurrentHashMap<>();

    public void note(UUID credentialId, String ip, Instant now) {
        Instant last = noted.get(credentialId);
        if (last == null || !now.isBefore(last.plus(RESOLUTION))) {
            noted.put(credentialId, now);
            pending.put(credentialId, new Use(now, ip));
        }
    }

    public Use pending(UUID credentialId) {
        return pending.get(credentialId);
    }

    /** Takes what waits to be written; what arrives meanwhile waits for the next batch. */
    Map<UUID, Use> drain() {
        var batch = new HashMap<UUID, Use>();
        for (UUID id : pending.keySet()) {
            Use use = pending.remove(id);
            if (use != null) {
                batch.put(id, use);
            }
        }
        if (noted.size() > 100_000) {
            noted.clear();
        }
        return batch;
    }
}
