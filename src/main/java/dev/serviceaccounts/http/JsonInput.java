package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Every JSON request body is read here first, with fixed limits: at most {@link #MAX_BYTES} bytes
 * and {@link #MAX_DEPTH} levels of nesting (counted before parsing, so a hostile document costs
 * one pass over its bytes). Malformed JSON, or too much of it, is a 400 problem.
 */
public final class JsonInput {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 32;

    private JsonInput() {
    }

    /** The body's JSON value, or null when the body is empty. */
    public static JsonValue read(InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException.BadRequest("The request body is larger than " + MAX_BYTES + " bytes.");
        }
        if (isBlank(bytes)) {
            return null;
        }
        if (depth(bytes) > MAX_DEPTH) {
            throw new ProblemException.BadRequest("The request body is nested deeper than " + MAX_DEPTH + " levels.");
        }
        try (var reader = JsonP.reader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException | NumberFormatException e) {
            throw new ProblemException.BadRequest("The request body is not valid JSON.");
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The deepest nesting of arrays and objects, ignoring brackets inside strings. */
    static int depth(byte[] json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return deepest;
    }
}
