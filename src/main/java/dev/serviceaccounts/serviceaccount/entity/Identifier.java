package dev.serviceaccounts.serviceaccount.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The rule for a service account's identifier, in one place: 3 to 64 characters, each a lowercase
 * letter, a digit, '.', '_' or '-'. It names the account in dashboards and audit trails.
 */
@NotNull
@Pattern(regexp = Identifier.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface Identifier {

    String PATTERN = "[a-z0-9._-]{3,64}";

    String message() default "must be 3 to 64 characters, each a lowercase letter, a digit, '.', '_' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
