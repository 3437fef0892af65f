package dev.serviceaccounts.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A business failure the client can act on. One mapper turns every subclass into an
 * RFC 9457 problem document; rollback = true so a failed change leaves nothing behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ProblemException extends RuntimeException {

    private final List<FieldError> errors;

    protected ProblemException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    protected ProblemException(String detail) {
        this(detail, List.of());
    }

    public abstract int status();

    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One offending input field and what is wrong with it: its name as a path
     * ({@code roles[0].teamId}) and as a JSON Pointer into the request body ({@code /roles/0/teamId},
     * RFC 6901; empty for the whole body), as RFC 9457's examples name fields.
     */
    public record FieldError(String field, String pointer, String message) {

        public FieldError(String field, String message) {
            this(field, pointerOf(field), message);
        }

        /** One name as a JSON Pointer segment (RFC 6901: '~' and '/' escaped). */
        public static String segment(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }

        static String pointerOf(String field) {
            if (field.equals("body")) {
                return "";
            }
            var pointer = new StringBuilder();
            for (String part : field.replace("[", ".").replace("]", "").split("\\.")) {
                pointer.append('/').append(segment(part));
            }
            return pointer.toString();
        }
    }

    public static NotFound notFound(String what) {
        return new NotFound(what + " does not exist.");
    }

    public static final class NotFound extends ProblemException {
        public NotFound(String detail) {
            super(detail);
        }

        public int status() {
            return 404;
        }

        public String title() {
            return "Not found";
        }
    }

    public static final class Forbidden extends ProblemException {
        public Forbidden(String detail) {
            super(detail);
        }

        public int status() {
            return 403;
        }

        public String title() {
            return "Forbidden";
        }
    }

    public static final class Conflict extends ProblemException {
        public Conflict(String detail) {
            super(detail);
        }

        public int status() {
            return 409;
        }

        public String title() {
            return "Conflict";
        }
    }

    /** The If-Match version is not the current one: someone else changed the resource first. */
    public static final class PreconditionFailed extends ProblemException {
        public PreconditionFailed(String detail) {
            super(detail);
        }

        public int status() {
            return 412;
        }

        public String title() {
            return "Precondition failed";
        }
    }

    public static final class BadRequest extends ProblemException {
        public BadRequest(String detail) {
            super(detail);
        }

        public BadRequest(String detail, List<FieldError> errors) {
            super(detail, errors);
        }

        public int status() {
            return 400;
        }

        public String title() {
            return "Bad request";
        }
    }

    public static final class InvalidInput extends ProblemException {
        public InvalidInput(List<FieldError> errors) {
            super("The request has invalid fields.", errors);
        }

        public InvalidInput(String field, String message) {
            this(List.of(new FieldError(field, message)));
        }

        public int status() {
            return 422;
        }

        public String title() {
            return "Invalid input";
        }
    }
}
