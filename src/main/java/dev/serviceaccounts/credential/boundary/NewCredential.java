package dev.serviceaccounts.credential.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A credential to issue. lifetimeDays: absent for the organization's default, 0 for one that
 * never expires (when the policy allows it). gracePeriodSeconds applies to rotations only: how
 * long the replaced credential keeps working (at most 7 days; 0, the default, revokes it at once).
 */
public record NewCredential(
        @Min(0) @Max(3650) Integer lifetimeDays,
        @Size(max = 200) String description,
        @Min(0) @Max(604_800) Long gracePeriodSeconds) {

    public static final NewCredential DEFAULTS = new NewCredential(null, null, null);
}
