package dev.serviceaccounts.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Last uses and counts stay readable from memory until the database holds them, and only that long. */
class CredentialUseTest {

    private final CredentialUse use = new CredentialUse();
    private final UUID credential = UUID.randomUUID();
    private final UUID account = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);

    @Test
    void aBatchBeingWrittenIsStillReadFromMemory() {
        use.note(credential, account, "10.0.0.1", now);
        var batch = use.unwritten(today);

        assertEquals(new CredentialUse.Use(now, "10.0.0.1"), batch.uses().get(credential));
        assertEquals(new CredentialUse.Use(now, "10.0.0.1"), use.pending(credential), "while the flush's transaction runs");
        assertEquals(1, use.unflushed(account, today), "while the flush's transaction runs");

        use.written(batch);
        assertNothingWaits();
    }

    @Test
    void whatArrivesWhileABatchIsWrittenWaitsForTheNext() {
        use.note(credential, account, "10.0.0.1", now);
        var batch = use.unwritten(today);
        Instant later = now.plus(CredentialUse.RESOLUTION);
        use.note(credential, account, "10.0.0.2", later);
        use.note(credential, account, "10.0.0.2", later);

        use.written(batch);
        assertEquals(new CredentialUse.Use(later, "10.0.0.2"), use.pending(credential));
        assertEquals(2, use.unflushed(account, today));

        var next = use.unwritten(today);
        assertEquals(2, next.counts().values().stream().mapToLong(Long::longValue).sum());
        use.written(next);
        assertNothingWaits();
    }

    @Test
    void aBatchThatWasNeverWrittenIsWrittenWithTheNext() {
        use.note(credential, account, "10.0.0.1", now);
        use.unwritten(today); // its transaction rolled back: written() is never called

        var retry = use.unwritten(today);
        assertEquals(new CredentialUse.Use(now, "10.0.0.1"), retry.uses().get(credential));
        assertEquals(1, retry.counts().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void anOldDayIsForgottenOnlyOnceTheDatabaseHoldsIt() {
        use.note(credential, account, "10.0.0.1", now);
        LocalDate later = today.plusDays(3);
        use.unwritten(later); // rolled back: the day before yesterday still waits to be written

        var retry = use.unwritten(later);
        assertEquals(1, retry.counts().get(new CredentialUse.Day(account, today.toEpochDay())));
        assertEquals(1, use.unflushed(account, today));
        use.written(retry);
        assertEquals(0, use.unflushed(account, today));
    }

    private void assertNothingWaits() {
        assertNull(use.pending(credential));
        assertEquals(0, use.unflushed(account, today));
    }
}
