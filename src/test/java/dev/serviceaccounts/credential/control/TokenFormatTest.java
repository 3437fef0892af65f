package dev.serviceaccounts.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokenFormatTest {

    /** What a secret scanner would match. */
    static final Pattern SCANNER = Pattern.compile("sas_[0-9A-Za-z]{65}");

    @Test
    void aSecretCarriesItsKeyIdAndIsRecognisableOffline() {
        var issued = TokenFormat.generate();
        assertTrue(issued.keyId().matches("sak_[0-9A-Za-z]{16}"), issued.keyId());
        assertTrue(SCANNER.matcher(issued.secret()).matches(), issued.secret());
        assertEquals(issued.keyId(), TokenFormat.keyIdOf(issued.secret()));
        assertTrue(TokenFormat.looksLikeKeyId(issued.keyId()));
        assertTrue(TokenFormat.displayPrefix(issued.keyId()).startsWith("sas_"));
        assertTrue(issued.secret().startsWith(TokenFormat.displayPrefix(issued.keyId())));
    }

    @Test
    void aMistypedSecretIsRefusedByItsChecksum() {
        String secret = TokenFormat.generate().secret();
        for (int i = 4; i < secret.length(); i++) {
            char c = secret.charAt(i);
            char typo = c == 'a' ? 'b' : 'a';
            String mistyped = secret.substring(0, i) + typo + secret.substring(i + 1);
            assertNull(TokenFormat.keyIdOf(mistyped), "typo at " + i);
        }
        assertNull(TokenFormat.keyIdOf(secret.substring(1)));
        assertNull(TokenFormat.keyIdOf(secret + "x"));
        assertNull(TokenFormat.keyIdOf("sak_" + secret.substring(4)));
        assertNull(TokenFormat.keyIdOf(secret.replace(secret.charAt(10), '-')));
        assertNull(TokenFormat.keyIdOf(null));
        assertNull(TokenFormat.keyIdOf(""));

        // Routing reads the key id's position only; the checksum is the identity store's to check.
        String mistyped = secret.substring(0, secret.length() - 1) + (secret.endsWith("a") ? "b" : "a");
        assertEquals(TokenFormat.keyIdOf(secret), TokenFormat.keyIdIn(mistyped));
        assertNull(TokenFormat.keyIdOf(mistyped));
        assertNull(TokenFormat.keyIdIn(secret.substring(1)));
    }

    @Test
    void secretsAreUniqueAndCarry256RandomBits() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(TokenFormat.generate().secret()));
        }
        assertTrue(TokenFormat.RANDOM * (Math.log(62) / Math.log(2)) >= 256);
        assertNotEquals(TokenFormat.generate().keyId(), TokenFormat.generate().keyId());
    }
}
