package dev.serviceaccounts.serviceaccount.entity;

import dev.serviceaccounts.team.entity.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;

/** A role a service account holds in one team; at most one per team. */
@Embeddable
public class RoleAssignment {

    @ManyToOne(optional = false)
    @JoinColumn(name = "team_id", nullable = false)
    private Team team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TeamRole role;

    protected RoleAssignment() {
    }

    public RoleAssignment(Team team, TeamRole role) {
        this.team = team;
        this.role = role;
    }

    public Team team() {
        return team;
    }

    public TeamRole role() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleAssignment other && team.id().equals(other.team.id()) && role == other.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(team.id(), role);
    }
}
