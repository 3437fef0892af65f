package dev.serviceaccounts.credential.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server-side key that makes stored secrets useless to whoever reads the database: secrets
 * are stored as HMAC-SHA-256 under this key, which never enters the database. It comes from
 * CREDENTIAL_HMAC_KEY (base64, at least 32 bytes; required when several servers share a database)
 * or is generated on first start into the data directory ({@code DATA_DIR}, else the server's own),
 * readable by the server only. It is never generated anew for a database that already holds what
 * the old key protects (secret hashes, sealed signing keys, webhook secrets): a new key would make
 * every one of them useless without a word, so the deployment fails and says what to restore.
 */
@ApplicationScoped
public class ServerKey {

    private static final Logger LOG = Logger.getLogger(ServerKey.class.getName());

    @Inject
    @ConfigProperty(name = "CREDENTIAL_HMAC_KEY")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "DATA_DIR")
    Optional<String> dataDirSetting;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "target")
    String serverDataDir;

    @PersistenceContext
    EntityManager entityManager;

    private SecretKeySpec key;

    /** Mac.getInstance looks up providers each time: one initialised Mac per thread instead. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> newMac(key));

    @PostConstruct
    void load() {
        byte[] bytes = configured.filter(s -> !s.isBlank()).map(s -> Base64.getDecoder().decode(s.trim()))
                .orElseGet(this::fromDataDirectory);
        if (bytes.length < 32) {
            throw new IllegalStateException("CREDENTIAL_HMAC_KEY must hold at least 32 bytes (base64)");
        }
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Nothing but the key's loading, which happens on a bean's first use: for the check at deployment. */
    public void requireLoaded() {
        if (key == null) {
            throw new IllegalStateException("The server key is not loaded");
        }
    }

    /** The keyed hash stored for a secret. */
    public String hash(String secret) {
        byte[] digest = macs.get().doFinal(secret.getBytes(StandardCharsets.UTF_8)); // doFinal resets the Mac
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Compares in constant time, so timing tells nothing about how much of a secret matched. */
    public boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** A key for another purpose, derived from this one, so one secret is all an operator keeps. */
    public byte[] derive(String purpose) {
        return mac(key, purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] data) {
        return newMac(key).doFinal(data);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Where the generated key lives: {@code DATA_DIR/service-accounts/server.key}. */
    Path file() {
        return Path.of(dataDirSetting.filter(s -> !s.isBlank()).orElse(serverDataDir), "service-accounts", "server.key");
    }

    private byte[] fromDataDirectory() {
        Path file = file();
        try {
            if (!Files.exists(file)) {
                long protectedRows = rowsProtectedByTheKey();
                if (protectedRows > 0) {
                    throw new IllegalStateException("The server key " + file + " is missing, but the database already holds "
                            + protectedRows + " secrets and keys protected by a server key. A new key would invalidate every "
                            + "credential, so the server refuses to generate one: restore server.key from your backup into "
                            + file.getParent() + ", or set CREDENTIAL_HMAC_KEY to the key the database was written with");
                }
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(fresh));
                    LOG.info(() -> "Generated the credential key " + file + " (readable by the server only); back it up");
                } catch (FileAlreadyExistsException raced) {
                    // another deployment created it first: use that one
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private long rowsProtectedByTheKey() {
        return ((Number) entityManager.createNativeQuery(
                "select (select count(*) from credential) + (select count(*) from signing_key) + (select count(*) from webhook)")
                .getSingleResult()).longValue();
    }
}
