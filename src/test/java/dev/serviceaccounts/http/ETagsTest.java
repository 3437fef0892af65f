package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.serviceaccounts.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void readsTheVersionAClientSendsBack() {
        assertEquals(3L, ETags.expectedVersion("\"3\""));
        assertEquals(3L, ETags.expectedVersion("W/\"3\""));
        assertNull(ETags.expectedVersion(null));
        assertNull(ETags.expectedVersion("*"));
        assertThrows(ProblemException.BadRequest.class, () -> ETags.expectedVersion("\"abc\""));
    }

    @Test
    void refusesAStaleVersionAndAcceptsTheCurrentOne() {
        ETags.check(null, 5);
        ETags.check(5L, 5);
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.check(4L, 5)).status());
    }
}
