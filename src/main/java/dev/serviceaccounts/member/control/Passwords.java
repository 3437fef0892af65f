package dev.serviceaccounts.member.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Members' passwords: PBKDF2 hashes in the database. A PBKDF2 check costs tens of milliseconds on
 * purpose, too much for every API request, so a successful check is remembered in memory as a
 * keyed MAC of the password, bound to the stored hash it matched: a changed password (a new hash)
 * is never served from memory.
 */
@ApplicationScoped
public class Passwords {

    private static final int REMEMBERED_MAX = 10_000;

    /** OWASP's 2023 advice for PBKDF2-HMAC-SHA512; below the floor a hash is too cheap to guess against. */
    static final int DEFAULT_ITERATIONS = 210_000;
    static final int MIN_ITERATIONS = 10_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** New hashes' cost; a stored hash keeps the cost it was made with. Lowered only where speed matters more, as in tests. */
    @Inject
    @ConfigProperty(name = "PASSWORD_HASH_ITERATIONS", defaultValue = "" + DEFAULT_ITERATIONS)
    int iterations;

    private final Map<String, byte[]> remembered = new ConcurrentHashMap<>();
    private SecretKeySpec memoryKey;
    /** How every hash made now begins ("algorithm:iterations:"), the stored form Pbkdf2PasswordHash writes. */
    private String currentCost;
    private String decoyHash;

    @PostConstruct
    void init() {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("PASSWORD_HASH_ITERATIONS must be at least " + MIN_ITERATIONS + ", not " + iterations);
        }
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        memoryKey = new SecretKeySpec(key, "HmacSHA256");
        decoyHash = pbkdf2.generate("decoy".toCharArray());
        currentCost = "PBKDF2WithHmacSHA512:" + iterations + ":";
    }

    /** Costs what a real check costs, so a response time never tells whether a username exists. */
    public void spendAsMuchAsACheck(String password) {
        pbkdf2.verify(password.toCharArray(), decoyHash);
    }

    /**
     * Whether a stored hash was made with another cost than new hashes get (after the operator changed
     * PASSWORD_HASH_ITERATIONS): such a member's refusals would take another time than an unknown
     * username's, so the hash is made again at the next successful sign-in.
     */
    public boolean outdated(String storedHash) {
        return !storedHash.startsWith(currentCost);
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /**
     * Whether the password matches. Only the password that matched before is answered from memory;
     * every wrong one costs a full PBKDF2 check, remembered member or not, so the time a refusal
     * takes never tells a signed-in member from another or from an unknown username.
     */
    public boolean matches(String password, String storedHash) {
        byte[] mac = mac(password);
        byte[] known = remembered.get(storedHash);
        if (known != null && MessageDigest.isEqual(known, mac)) {
            return true;
        }
        if (!pbkdf2.verify(password.toCharArray(), storedHash)) {
            return false;
        }
        if (remembered.size() >= REMEMBERED_MAX) {
            remembered.clear();
        }
        remembered.put(storedHash, mac);
        return true;
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(memoryKey);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
