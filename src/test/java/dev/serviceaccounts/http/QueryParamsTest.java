package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.serviceaccounts.problem.ProblemException;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void pagesAreBoundedAndMalformedNumbersNamed() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.parse(null, null));
        assertEquals(40, PageRequest.parse("2", "20").offset());
        var bad = assertThrows(ProblemException.BadRequest.class, () -> PageRequest.parse("x", null));
        assertEquals("page", bad.errors().get(0).field());
        assertThrows(ProblemException.BadRequest.class, () -> PageRequest.parse("0", "0"));
        assertThrows(ProblemException.BadRequest.class, () -> PageRequest.parse("0", String.valueOf(PageRequest.MAX_SIZE + 1)));
        assertThrows(ProblemException.BadRequest.class, () -> PageRequest.parse("-1", null));
    }

    @Test
    void parsesIdsInstantsAndEnumsOrSaysWhichParameterIsWrong() {
        assertThrows(ProblemException.BadRequest.class, () -> QueryParams.uuid("team", "nope"));
        assertThrows(ProblemException.BadRequest.class, () -> QueryParams.instant("from", "yesterday"));
        assertEquals(java.time.Instant.parse("2026-01-31T12:00:00Z"), QueryParams.instant("from", "2026-01-31T12:00:00Z"));
        assertEquals(java.time.DayOfWeek.MONDAY, QueryParams.enumeration("day", "monday", java.time.DayOfWeek.class));
        assertThrows(ProblemException.BadRequest.class, () -> QueryParams.text("q", "x".repeat(201), 200));
    }
}
