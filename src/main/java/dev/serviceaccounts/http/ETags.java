package dev.serviceaccounts.http;

import dev.serviceaccounts.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: responses carry the entity version as a strong ETag; a client
 * that sends it back in If-Match gets 412 instead of overwriting a change it has not seen.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header asks for, or null when the client sent none. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ProblemException.BadRequest("If-Match must be an ETag this API returned, such as \"3\".");
        }
    }

    public static void check(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw new ProblemException.PreconditionFailed(
                    "The resource is at version " + actual + ", not " + expected + ": read it again before changing it.");
        }
    }
}
