package dev.serviceaccounts.team.boundary;

import dev.serviceaccounts.team.entity.Team;
import java.util.UUID;

/** A team as other resources mention it. */
public record TeamRef(UUID id, String name) {

    public static TeamRef of(Team team) {
        return team == null ? null : new TeamRef(team.id(), team.name());
    }
}
