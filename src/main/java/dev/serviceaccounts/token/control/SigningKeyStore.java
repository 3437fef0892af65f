package dev.serviceaccounts.token.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.serviceaccounts.credential.control.ServerKey;
import dev.serviceaccounts.token.entity.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.serviceaccounts.organization.control.OnceLocks;
import dev.serviceaccounts.organization.entity.OnceLock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Creates, reads and retires signing keys; private keys cross the database boundary only encrypted. */
@Stateless
public class SigningKeyStore {

    private static final int IV_BYTES = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    ServerKey serverKey;

    @Inject
    Clock clock;

    @Inject
    OnceLocks onceLocks;

    /** A key with its private part decrypted, and when it was retired (null: it signs). */
    public record Loaded(ECKey key, Instant retiredAt) {
    }

    /** Every key, newest first. */
    public List<Loaded> load() {
        return all().stream().map(k -> new Loaded(decrypt(k), k.retiredAt())).toList();
    }

    public List<SigningKey> all() {
        return em.createNamedQuery(SigningKey.ALL, SigningKey.class).getResultList();
    }

    /** Makes sure an unretired key exists; creates one on first start, once however many nodes ask at once. */
    public void ensureOne() {
        if (noneSigns()) {
            onceLocks.lock(OnceLock.SIGNING_KEYS);
            if (noneSigns()) {
                create();
            }
        }
    }

    private boolean noneSigns() {
        return em.createQuery("select count(k) from SigningKey k where k.retiredAt is null", Long.class).getSingleResult() == 0;
    }

    /**
     * A new signing key; the previous ones retire now but stay published while their tokens live.
     * Two rotations at once, on one node or two, take turns: one key signs afterwards.
     */
    public SigningKey rotate() {
        onceLocks.lock(OnceLock.SIGNING_KEYS);
        Instant now = clock.instant();
        all().forEach(k -> k.retire(now));
        return create();
    }

    private SigningKey create() {
        try {
            Instant now = clock.instant();
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .keyIDFromThumbprint(true).issueTime(java.util.Date.from(now)).generate();
            var signingKey = new SigningKey(key.getKeyID(), key.toPublicJWK().toJSONString(), encrypt(key.toJSONString()), now);
            em.persist(signingKey);
            em.flush();
            return signingKey;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }

    private ECKey decrypt(SigningKey key) {
        try {
            byte[] sealed = Base64.getDecoder().decode(key.privateKeyEncrypted());
            var buffer = ByteBuffer.wrap(sealed);
            byte[] iv = new byte[IV_BYTES];
            buffer.get(iv);
            byte[] ciphertext = new byte[buffer.remaining()];
            buffer.get(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(key.kid().getBytes(StandardCharsets.UTF_8));
            return ECKey.parse(new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | ParseException e) {
            throw new IllegalStateException("Cannot decrypt signing key " + key.kid()
                    + ": was the server key (CREDENTIAL_HMAC_KEY) changed?", e);
        }
    }

    private String encrypt(String jwk) {
        try {
            ECKey parsed = ECKey.parse(jwk);
            byte[] iv = new byte[IV_BYTES];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(parsed.getKeyID().getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(jwk.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException | ParseException e) {
            throw new IllegalStateException("Cannot encrypt a signing key", e);
        }
    }

    private SecretKeySpec aesKey() {
        return new SecretKeySpec(serverKey.derive("signing-key-encryption"), "AES");
    }
}
