package dev.serviceaccounts.token.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import dev.serviceaccounts.SigningKeysChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing keys in memory, parsed once: the current signer, a verifier per published kid, and
 * the public JWK set. Reloaded once a rotation committed on any node ({@link SigningKeysChanged}),
 * when a token names a kid not seen yet (at most every few seconds), and once a minute in any case:
 * the bound for a node cut off from the others.
 */
@ApplicationScoped
public class KeyRing {

    /** How long a retired key stays published: the longest token lifetime plus clock skew. */
    static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofMinutes(16);
    private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(5);
    private static final Duration RELOAD_AT_LEAST_EVERY = Duration.ofMinutes(1);

    @Inject
    SigningKeyStore store;

    @Inject
    Clock clock;

    /** A verifiable key and until when it is published (null: as long as it signs). */
    record Published(ECKey publicKey, JWSVerifier verifier, Instant until) {
        boolean at(Instant now) {
            return until == null || until.isAfter(now);
        }
    }

    record Keys(String kid, JWSSigner signer, Map<String, Published> published, Instant loadedAt) {
    }

    /** The JWKS as served, and the moment it stops being right (a retired key leaves it). */
    private record Served(Keys keys, String json, Instant until) {
    }

    private volatile Keys keys;
    private volatile Served served;

    public String currentKid() {
        return keys().kid();
    }

    public JWSSigner signer() {
        return keys().signer();
    }

    /** The public keys published now: the signing key and those retired less than 16 minutes ago. */
    public JWKSet published() {
        Instant now = clock.instant();
        return new JWKSet(keys().published().values().stream().filter(p -> p.at(now))
                .map(p -> (com.nimbusds.jose.jwk.JWK) p.publicKey()).toList());
    }

    /** {@link #published()} as JSON, serialized once until the published set changes. */
    public String publishedJson() {
        Instant now = clock.instant();
        Keys current = keys();
        Served cached = served;
        if (cached == null || cached.keys() != current || !now.isBefore(cached.until())) {
            Instant until = current.published().values().stream().map(Published::until)
                    .filter(u -> u != null && u.isAfter(now)).min(Instant::compareTo).orElse(Instant.MAX);
            cached = new Served(current, published().toString(true), until);
            served = cached;
        }
        return cached.json();
    }

    /** The verifier for a kid, or null when no key with that kid is published now. */
    public JWSVerifier verifier(String kid) {
        if (kid == null) {
            return null; // every token we sign names its key; and the immutable map refuses a null lookup
        }
        Instant now = clock.instant();
        Keys current = keys();
        Published key = current.published().get(kid);
        if (key == null && now.isAfter(current.loadedAt().plus(RELOAD_AT_MOST_EVERY))) {
            key = reload().published().get(kid);
        }
        return key != null && key.at(now) ? key.verifier() : null;
    }

    private synchronized Keys reload() {
        store.ensureOne();
        Instant now = clock.instant();
        List<SigningKeyStore.Loaded> loaded = store.load();
        var published = new HashMap<String, Published>();
        String kid = null;
        JWSSigner signer = null;
        try {
            for (var key : loaded) {
                ECKey ec = key.key();
                if (key.retiredAt() == null && signer == null) {
                    kid = ec.getKeyID();
                    signer = new ECDSASigner(ec);
                }
                Instant until = key.retiredAt() == null ? null : key.retiredAt().plus(PUBLISHED_AFTER_RETIREMENT);
                published.put(ec.getKeyID(), new Published(ec.toPublicJWK(), new ECDSAVerifier(ec.toPublicJWK()), until));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("Unusable signing key", e);
        }
        keys = new Keys(kid, signer, Map.copyOf(published), now);
        return keys;
    }

    /**
     * A rotation committed, here or on another node (or this node's view of the cluster changed):
     * load again at next use. After the commit, so a load cannot read the keys from before it.
     */
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) SigningKeysChanged change) {
        keys = null;
    }

    private Keys keys() {
        Keys current = keys;
        return current != null && clock.instant().isBefore(current.loadedAt().plus(RELOAD_AT_LEAST_EVERY)) ? current : reload();
    }
}
