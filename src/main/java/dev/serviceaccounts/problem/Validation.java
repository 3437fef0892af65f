package dev.serviceaccounts.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/** Turns Bean Validation results into the API's invalid-input problem. */
public final class Validation {

    private Validation() {
    }

    /** Validates a request record; throws {@link ProblemException.InvalidInput} naming every bad field. */
    public static <T> T require(Validator validator, T request) {
        if (request == null) {
            throw new ProblemException.BadRequest("A request body is required.");
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw invalidInput(violations);
        }
        return request;
    }

    /** Validates one value against the constraints a request record declares for that property. */
    public static void requireProperty(Validator validator, Class<?> type, String property, Object value) {
        var violations = validator.validateValue(type, property, value);
        if (!violations.isEmpty()) {
            throw invalidInput(violations);
        }
    }

    static ProblemException.InvalidInput invalidInput(Set<? extends ConstraintViolation<?>> violations) {
        return new ProblemException.InvalidInput(violations.stream()
                .map(v -> new ProblemException.FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList());
    }

    // "create.arg1.roles[0].teamId" -> "roles[0].teamId": clients know fields, not Java parameter names.
    private static String field(Path path) {
        var field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
