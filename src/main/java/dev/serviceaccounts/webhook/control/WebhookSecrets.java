package dev.serviceaccounts.webhook.control;

import dev.serviceaccounts.credential.control.ServerKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets, as the Standard Webhooks convention has them: {@code whsec_} and the
 * base64 of 32 random bytes, shown once. The server must sign with a secret, so unlike a
 * credential's it cannot keep only a hash: it keeps it sealed with AES-256-GCM under a key derived
 * from the server key (CREDENTIAL_HMAC_KEY), so a database dump alone does not yield it.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final int NONCE_BYTES = 12;

    @Inject
    ServerKey serverKey;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec sealingKey;

    @PostConstruct
    void init() {
        sealingKey = new SecretKeySpec(serverKey.derive("webhook-secret-sealing"), "AES");
    }

    public String generate() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return PREFIX + Base64.getEncoder().encodeToString(secret);
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    String unseal(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey, new GCMParameterSpec(128, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A webhook secret cannot be unsealed: was CREDENTIAL_HMAC_KEY changed?", e);
        }
    }

    /**
     * The {@code webhook-signature} header's value: {@code v1,} and the base64 HMAC-SHA256, keyed
     * with the secret's bytes, of {@code id.timestamp.body}.
     */
    public String signature(String sealedSecret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(unseal(sealedSecret).substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
