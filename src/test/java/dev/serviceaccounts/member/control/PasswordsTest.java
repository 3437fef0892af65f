package dev.serviceaccounts.member.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work a refused password costs, counted in PBKDF2 checks (the expensive step) rather than
 * timed: a wrong password for a member whose password is remembered, for one who is not, and for
 * an unknown username each cost exactly one.
 */
class PasswordsTest {

    /** A stand-in for PBKDF2 that counts its checks: "hash:" + the password. */
    static final class CountingHash implements Pbkdf2PasswordHash {
        int checks;

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            checks++;
            return hashedPassword.equals(generate(password));
        }
    }

    private final CountingHash pbkdf2 = new CountingHash();
    private final Passwords passwords = new Passwords();

    @BeforeEach
    void init() {
        passwords.pbkdf2 = pbkdf2;
        passwords.iterations = Passwords.DEFAULT_ITERATIONS;
        passwords.init();
    }

    private int checksFor(Runnable attempt) {
        int before = pbkdf2.checks;
        attempt.run();
        return pbkdf2.checks - before;
    }

    @Test
    void everyRefusalCostsOneFullCheckWhateverIsRemembered() {
        String signedIn = passwords.hash("signed-in-password");
        String other = passwords.hash("other-password");
        assertTrue(passwords.matches("signed-in-password", signedIn)); // now remembered

        assertEquals(1, checksFor(() -> assertFalse(passwords.matches("guess", signedIn))), "wrong password, remembered member");
        assertEquals(1, checksFor(() -> assertFalse(passwords.matches("guess", other))), "wrong password, member not remembered");
        assertEquals(1, checksFor(() -> passwords.spendAsMuchAsACheck("guess")), "unknown username");
    }

    @Test
    void onlyTheRememberedCorrectPasswordIsAnsweredFromMemory() {
        String stored = passwords.hash("correct-password");
        assertEquals(1, checksFor(() -> assertTrue(passwords.matches("correct-password", stored))));
        assertEquals(0, checksFor(() -> assertTrue(passwords.matches("correct-password", stored))), "remembered");
        String changed = passwords.hash("new-password");
        assertEquals(1, checksFor(() -> assertFalse(passwords.matches("correct-password", changed))), "a changed hash is checked again");
    }

    @Test
    void aHashMadeAtAnotherCostIsOutdated() {
        assertFalse(passwords.outdated("PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA=="));
        assertTrue(passwords.outdated("PBKDF2WithHmacSHA512:100000:c2FsdA==:aGFzaA=="));
        assertTrue(passwords.outdated("not a hash"));
    }

    @Test
    void tooFewIterationsAreRefusedAtStart() {
        var cheap = new Passwords();
        cheap.pbkdf2 = pbkdf2;
        cheap.iterations = 1_000;
        assertThrows(IllegalStateException.class, cheap::init);
    }
}
