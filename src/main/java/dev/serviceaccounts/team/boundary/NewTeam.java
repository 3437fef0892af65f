package dev.serviceaccounts.team.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record NewTeam(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description) {
}
