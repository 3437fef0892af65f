package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodyReaderTest {

    enum Colour { RED, GREEN }

    record Item(UUID id, Colour colour) {
    }

    record Order(String name, Integer count, long total, boolean urgent, List<Item> items) {
    }

    private static Object read(Type type, String json) {
        var reader = new RequestBodyReader();
        @SuppressWarnings("unchecked")
        Class<Object> raw = (Class<Object>) (type instanceof Class<?> c ? c : List.class);
        return reader.readFrom(raw, type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE, null,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProblemException refusal(String json) {
        return assertThrows(ProblemException.class, () -> read(Order.class, json));
    }

    @Test
    void aWellFormedBodyBindsAndAbsentFieldsAreNullOrZero() {
        UUID id = UUID.randomUUID();
        var order = (Order) read(Order.class, "{\"name\":\"n\",\"count\":3,\"total\":1e2,\"urgent\":true,"
                + "\"items\":[{\"id\":\"" + id + "\",\"colour\":\"RED\"}]}");
        assertEquals(new Order("n", 3, 100L, true, List.of(new Item(id, Colour.RED))), order);
        assertEquals(new Order(null, null, 0L, false, null), read(Order.class, "{}"));
        assertNull(read(Order.class, "  "));
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"count\":1.5}|/count",
            "{\"count\":4294967297}|/count",
            "{\"count\":1e999999}|/count",
            "{\"count\":-1e-999999}|/count",
            "{\"count\":\"3\"}|/count",
            "{\"total\":9223372036854775808}|/total",
            "{\"name\":1}|/name",
            "{\"urgent\":\"yes\"}|/urgent",
            "{\"items\":{}}|/items",
            "{\"items\":[{\"id\":\"x\"}]}|/items/0/id",
            "{\"items\":[{\"colour\":\"BLUE\"}]}|/items/0/colour",
            "{\"items\":[{\"shape\":1}]}|/items/0/shape",
            "{\"a/b~c\":1}|/a~1b~0c",
            "[]|''",
    })
    void wrongShapesAre400sNamingTheField(String json, String pointer) {
        var refusal = refusal(json);
        assertEquals(400, refusal.status());
        assertEquals(pointer, refusal.errors().get(0).pointer(), refusal.errors().toString());
    }

    @Test
    void everyOffendingFieldIsNamedAtOnce() {
        var refusal = refusal("{\"name\":1,\"count\":1.5,\"extra\":true}");
        assertEquals(List.of("/count", "/extra", "/name"),
                refusal.errors().stream().map(ProblemException.FieldError::pointer).sorted().toList());
    }

    @Test
    void malformedTooLargeOrTooDeepJsonIsA400() {
        for (String json : List.of("{", "{\"name\":}", "[".repeat(JsonInput.MAX_DEPTH + 1) + "]".repeat(JsonInput.MAX_DEPTH + 1),
                "{\"name\":\"" + "x".repeat(JsonInput.MAX_BYTES) + "\"}")) {
            assertEquals(400, refusal(json).status());
        }
        // brackets inside strings are text, not nesting
        assertEquals("[[[[", ((Order) read(Order.class, "{\"name\":\"" + "[".repeat(4) + "\"}")).name());
        assertTrue(JsonInput.depth("{\"a\":\"[[[[[[\\\"[[[[\"}".getBytes(StandardCharsets.UTF_8)) == 1);
    }

    @Test
    void onlyConcreteJsonMediaTypesAreRead() {
        var reader = new RequestBodyReader();
        assertTrue(reader.isReadable(Order.class, Order.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
        assertTrue(reader.isReadable(Order.class, Order.class, new Annotation[0], new MediaType("application", "merge-patch+json")));
        assertEquals(false, reader.isReadable(Order.class, Order.class, new Annotation[0], MediaType.WILDCARD_TYPE));
        assertEquals(false, reader.isReadable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE));
    }
}
