package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.ProblemException.FieldError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads every request record (and list of records) the API accepts, strictly: a field the record
 * does not have, a value of the wrong JSON type, a number that is not an exact integer in the
 * field's range, an unknown enum constant or a malformed UUID is a 400 naming each offending field
 * by JSON Pointer. What is well-formed but breaks a rule is Bean Validation's 422, in the facade.
 * Absent fields are null (0 or false for primitives), as JSON Binding reads them.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class RequestBodyReader implements MessageBodyReader<Object> {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // a concrete JSON type only: "*/*" or no type at all is JAX-RS's 415, as for any body it cannot read
        boolean json = mediaType != null && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
                && (mediaType.getSubtype().equalsIgnoreCase("json") || mediaType.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
        return json && (type.isRecord() || (type == List.class && genericType instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()));
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) {
        JsonValue json = JsonInput.read(body);
        if (json == null) {
            return null;
        }
        var errors = new ArrayList<FieldError>();
        Object value = bind(json, genericType, "", "", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException.BadRequest("The request body does not have the expected shape.", errors);
        }
        return value;
    }

    /** The value for one JSON value at a place in the body, or null with an error recorded. */
    private static Object bind(JsonValue json, Type type, String field, String pointer, List<FieldError> errors) {
        if (json.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            return json instanceof JsonObject object ? record(object, raw, field, pointer, errors)
                    : fail(field, pointer, "must be a JSON object", errors);
        }
        if (raw == List.class) {
            if (json.getValueType() != JsonValue.ValueType.ARRAY) {
                return fail(field, pointer, "must be a JSON array", errors);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            var items = json.asJsonArray();
            var list = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                list.add(bind(items.get(i), element, field + "[" + i + "]", pointer + "/" + i, errors));
            }
            return list;
        }
        if (raw == String.class) {
            return json instanceof JsonString s ? s.getString() : fail(field, pointer, "must be a string", errors);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return switch (json.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                default -> fail(field, pointer, "must be true or false", errors);
            };
        }
        if (raw == Integer.class || raw == int.class) {
            Long exact = whole(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return exact != null ? (Object) exact.intValue()
                    : fail(field, pointer, "must be a whole number from -2147483648 to 2147483647", errors);
        }
        if (raw == Long.class || raw == long.class) {
            Long exact = whole(json, Long.MIN_VALUE, Long.MAX_VALUE);
            return exact != null ? exact : fail(field, pointer, "must be a whole number that fits in 64 bits", errors);
        }
        if (raw == UUID.class) {
            try {
                if (json instanceof JsonString s && s.getString().length() == 36) {
                    return UUID.fromString(s.getString());
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            return fail(field, pointer, "must be a UUID", errors);
        }
        if (raw.isEnum()) {
            if (json instanceof JsonString s) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s.getString())) {
                        return constant;
                    }
                }
            }
            return fail(field, pointer, "must be one of " + Arrays.toString(raw.getEnumConstants()), errors);
        }
        throw new IllegalStateException("No JSON reading for " + type + " (" + field + ")");
    }

    private static Object record(JsonObject object, Class<?> type, String field, String pointer, List<FieldError> errors) {
        RecordComponent[] components = type.getRecordComponents();
        var known = new ArrayList<String>();
        for (RecordComponent component : components) {
            known.add(component.getName());
        }
        object.keySet().stream().filter(name -> !known.contains(name)).sorted().forEach(name ->
                fail(join(field, name), pointer + "/" + FieldError.segment(name),
                        "is not a field of this request; known fields: " + known, errors));
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonValue value = object.get(component.getName());
            Class<?> kind = component.getType();
            values[i] = value == null || value.getValueType() == JsonValue.ValueType.NULL
                    ? (kind == int.class || kind == long.class ? (Object) (kind == int.class ? 0 : 0L)
                    : kind == boolean.class ? Boolean.FALSE : null)
                    : bind(value, component.getGenericType(), join(field, component.getName()),
                    pointer + "/" + component.getName(), errors);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return CONSTRUCTORS.computeIfAbsent(type, RequestBodyReader::canonical).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    private static Constructor<?> canonical(Class<?> type) {
        try {
            var constructor = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An exact integer within [min, max], or null: 1.5 is not one, and 1e999999 is refused by its
     * digit count before anything expands it.
     */
    private static Long whole(JsonValue json, long min, long max) {
        if (!(json instanceof JsonNumber number)) {
            return null;
        }
        try {
            BigDecimal value = number.bigDecimalValue();
            if (value.precision() - value.scale() > 20) {
                return null; // more than 20 digits before the point: beyond any long
            }
            long exact = value.longValueExact(); // throws for a fraction or beyond 64 bits
            return exact >= min && exact <= max ? exact : null;
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Object fail(String field, String pointer, String message, List<FieldError> errors) {
        errors.add(new FieldError(field.isEmpty() ? "body" : field, pointer, message));
        return null;
    }

    private static String join(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }
}
