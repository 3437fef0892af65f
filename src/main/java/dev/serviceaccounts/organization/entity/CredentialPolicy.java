package dev.serviceaccounts.organization.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The organization's rules for service credentials: the lifetime a new credential gets when the
 * request names none, the longest lifetime allowed, whether credentials may never expire, and how
 * many may be active at once per account (two lets a rotation overlap); and when owners are
 * warned: a credential expiring within {@code expiryWarningDays}, an account unused for
 * {@code idleDays}.
 */
public record CredentialPolicy(
        @Min(1) @Max(3650) int defaultLifetimeDays,
        @Min(1) @Max(3650) int maxLifetimeDays,
        boolean allowNonExpiring,
        @Min(1) @Max(10) int maxActiveCredentials,
        @Min(1) @Max(365) int expiryWarningDays,
        @Min(1) @Max(3650) int idleDays) {

    @JsonbTransient
    @AssertTrue(message = "defaultLifetimeDays must not exceed maxLifetimeDays")
    public boolean isDefaultWithinMax() {
        return defaultLifetimeDays <= maxLifetimeDays;
    }
}
