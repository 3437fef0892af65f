package dev.serviceaccounts.credential.control;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The one definition of what a service credential looks like.
 * <pre>
 *   key id   sak_ + 16 base62              public; names the credential in lists, logs and audit
 *   secret   sas_ + 16 base62 (the key id's body) + 43 base62 random (256 bits) + 6 base62 CRC32
 * </pre>
 * The secret is the bearer token: it carries its key id, so checking it is one indexed lookup,
 * and its fixed prefix and checksum let a secret scanner recognise a leaked one offline
 * ({@code sas_[0-9A-Za-z]{65}} with a valid checksum) and let us refuse a mistyped one without
 * touching the database. HTTP Basic takes the key id as username and the secret as password.
 */
public final class TokenFormat {

    public static final String KEY_PREFIX = "sak_";
    public static final String SECRET_PREFIX = "sas_";
    static final int KEY_BODY = 16;
    static final int RANDOM = 43;
    static final int CHECKSUM = 6;
    public static final int KEY_LENGTH = KEY_PREFIX.length() + KEY_BODY;
    public static final int SECRET_LENGTH = SECRET_PREFIX.length() + KEY_BODY + RANDOM + CHECKSUM;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOMNESS = new SecureRandom();

    private TokenFormat() {
    }

    /** A freshly generated key id and its secret. */
    public record Issued(String keyId, String secret) {
    }

    public static Issued generate() {
        String body = randomBase62(KEY_BODY);
        String unchecked = SECRET_PREFIX + body + randomBase62(RANDOM);
        return new Issued(KEY_PREFIX + body, unchecked + checksum(unchecked));
    }

    /** The key id a well-formed secret carries, or null when the secret is malformed or mistyped. */
    public static String keyIdOf(String secret) {
        String keyId = keyIdIn(secret);
        if (keyId == null) {
            return null;
        }
        for (int i = SECRET_PREFIX.length(); i < SECRET_LENGTH; i++) {
            if (BASE62.indexOf(secret.charAt(i)) < 0) {
                return null;
            }
        }
        String unchecked = secret.substring(0, SECRET_LENGTH - CHECKSUM);
        return checksum(unchecked).equals(secret.substring(SECRET_LENGTH - CHECKSUM)) ? keyId : null;
    }

    /**
     * The key id a secret names, read from its position without checking the checksum: for routing
     * a bearer secret to its credential. The identity store checks the whole format once.
     */
    public static String keyIdIn(String secret) {
        if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(SECRET_PREFIX)) {
            return null;
        }
        return KEY_PREFIX + secret.substring(SECRET_PREFIX.length(), SECRET_PREFIX.length() + KEY_BODY);
    }

    public static boolean looksLikeKeyId(String value) {
        return value != null && value.length() == KEY_LENGTH && value.startsWith(KEY_PREFIX);
    }

    /** What lists show of a secret: its prefix and the start of its key id, nothing secret. */
    public static String displayPrefix(String keyId) {
        return SECRET_PREFIX + keyId.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + 6);
    }

    static String checksum(String text) {
        var crc = new CRC32();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        var out = new char[CHECKSUM];
        for (int i = CHECKSUM - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    private static String randomBase62(int length) {
        var out = new StringBuilder(length);
        while (out.length() < length) {
            int b = RANDOMNESS.nextInt(256);
            if (b < 248) { // 248 = 4 * 62: rejection keeps every character equally likely
                out.append(BASE62.charAt(b % 62));
            }
        }
        return out.toString();
    }
}
