package dev.serviceaccounts.credential.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The secret scanners allowed to report leaked secrets, from SECRET_REPORTERS:
 * {@code name=base64key,other=base64key} (names of 1 to 40 lowercase letters, digits and '-',
 * keys of 32 bytes or more). A report is signed: {@code X-Signature: sha256=} the hex HMAC-SHA256
 * of the request body under the reporter's key, so the key itself never travels.
 */
@ApplicationScoped
public class SecretReporters {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}");

    @Inject
    @ConfigProperty(name = "SECRET_REPORTERS")
    Optional<String> configured;

    private final Map<String, byte[]> keys = new HashMap<>();

    @PostConstruct
    void init() {
        for (String entry : configured.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? "" : entry.substring(0, equals).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (!NAME.matcher(name).matches() || key.length < 32) {
                // named, never the key: a bad setting must be found, and must not leak
                throw new IllegalStateException("SECRET_REPORTERS: entry '" + (NAME.matcher(name).matches() ? name : "?")
                        + "' needs a name of 1-40 [a-z0-9-] and a base64 key of 32 bytes or more");
            }
            keys.put(name, key);
        }
    }

    public boolean any() {
        return !keys.isEmpty();
    }

    /** Whether the body was signed by this reporter's key; an unknown reporter costs the same as a known one. */
    public boolean signed(String reporter, String signature, byte[] body) {
        byte[] key = reporter == null ? null : keys.get(reporter);
        byte[] expected = hmac(key == null ? new byte[32] : key, body);
        byte[] given;
        try {
            given = signature != null && signature.startsWith("sha256=") ? HexFormat.of().parseHex(signature.substring(7)) : new byte[0];
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        return MessageDigest.isEqual(expected, given) && key != null;
    }

    public static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
