package dev.serviceaccounts.security;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.member.entity.OrgRole;
import dev.serviceaccounts.team.boundary.TeamRef;
import java.util.List;
import java.util.UUID;

/** Who the caller is, and what the policy lets it do: its organization role and the teams it administers. */
public record MeView(ActorKind kind, UUID id, String name, String displayName, OrgRole orgRole, List<TeamRef> adminTeams) {
}
