package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Query parameters arrive as strings and are parsed here, so a malformed one is a 400 naming
 * the parameter (JAX-RS would answer 404 for a failed conversion).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw bad(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a whole number");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw bad(name, "must be a UUID");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    public static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(name, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw bad(name, "must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    public static ProblemException bad(String name, String message) {
        return new ProblemException.BadRequest("Query parameter '" + name + "' " + message + ".",
                List.of(new ProblemException.FieldError(name, message)));
    }
}
