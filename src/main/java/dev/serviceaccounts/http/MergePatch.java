package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.ProblemException.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A JSON Merge Patch (RFC 7396) body: a field left out stays as it is, a field set to null is
 * cleared. Unknown fields and wrong types are rejected, so a typo never passes silently.
 */
public final class MergePatch {

    private final JsonObject body;

    private MergePatch(JsonObject body) {
        this.body = body;
    }

    /** Parses a body within {@link JsonInput}'s limits: malformed JSON, or anything but an object, is a 400. */
    public static MergePatch parse(InputStream body) {
        if (!(JsonInput.read(body) instanceof JsonObject object)) {
            throw new ProblemException.BadRequest("The request body must be a JSON object (a JSON merge patch).");
        }
        return new MergePatch(object);
    }

    /**
     * Rejects fields the resource does not let a patch change, naming each one: a 400, as an
     * unknown field in a create is, since the body does not have the resource's shape.
     */
    public MergePatch allowing(Set<String> allowed) {
        var unknown = new ArrayList<FieldError>();
        body.keySet().stream().filter(k -> !allowed.contains(k)).sorted()
                .forEach(k -> unknown.add(new FieldError(k, "/" + FieldError.segment(k),
                        "is not a field that can be changed; allowed: " + new java.util.TreeSet<>(allowed))));
        if (!unknown.isEmpty()) {
            throw new ProblemException.BadRequest("The patch names fields this resource does not have.", unknown);
        }
        return this;
    }

    /** The field's new value, or null when the patch leaves the field alone. */
    public Change<String> string(String field) {
        if (!body.containsKey(field)) {
            return null;
        }
        JsonValue value = body.get(field);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return new Change<>(null);
        }
        if (value instanceof JsonString s) {
            return new Change<>(s.getString());
        }
        throw wrongType(field, "must be a string or null");
    }

    public Change<Boolean> bool(String field) {
        if (!body.containsKey(field)) {
            return null;
        }
        return switch (body.get(field).getValueType()) {
            case TRUE -> new Change<>(true);
            case FALSE -> new Change<>(false);
            default -> throw wrongType(field, "must be true or false");
        };
    }

    /** A list of strings the patch sets (never null: a list is replaced, not cleared). */
    public Change<List<String>> strings(String field) {
        if (!body.containsKey(field)) {
            return null;
        }
        if (body.get(field) instanceof jakarta.json.JsonArray array
                && array.stream().allMatch(item -> item instanceof JsonString)) {
            return new Change<>(array.stream().map(item -> ((JsonString) item).getString()).toList());
        }
        throw wrongType(field, "must be an array of strings");
    }

    public Change<UUID> uuid(String field) {
        Change<String> text = string(field);
        if (text == null || text.value() == null) {
            return text == null ? null : new Change<>(null);
        }
        try {
            return new Change<>(UUID.fromString(text.value()));
        } catch (IllegalArgumentException e) {
            throw wrongType(field, "must be a UUID or null");
        }
    }

    private static ProblemException wrongType(String field, String message) {
        return new ProblemException.BadRequest("The patch does not have the expected shape.", List.of(new FieldError(field, message)));
    }

    /** A value a patch sets; the value itself may be null (the field is cleared). */
    public record Change<T>(T value) {
    }
}
