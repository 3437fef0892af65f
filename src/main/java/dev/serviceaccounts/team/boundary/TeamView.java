package dev.serviceaccounts.team.boundary;

import dev.serviceaccounts.team.entity.Team;
import java.time.Instant;
import java.util.UUID;

public record TeamView(UUID id, String name, String description, Instant createdAt, long version) {

    static TeamView of(Team team) {
        return new TeamView(team.id(), team.name(), team.description(), team.createdAt(), team.version());
    }
}
