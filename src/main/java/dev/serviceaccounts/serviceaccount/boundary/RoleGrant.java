package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A role in one team, as a request asks for it. */
public record RoleGrant(@NotNull UUID teamId, @NotNull TeamRole role) {
}
