package dev.serviceaccounts.security;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.member.entity.OrgRole;
import dev.serviceaccounts.team.boundary.TeamRef;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Who the caller is, and what the policy lets it do: its organization role, the teams it
 * administers, and (service accounts) the key it used. Built from the authenticated caller alone:
 * answering it touches no database.
 */
public record MeView(ActorKind kind, UUID id, String name, String displayName, OrgRole orgRole, List<TeamRef> adminTeams,
                     String keyId) {

    static MeView of(Caller caller) {
        var teams = caller.adminTeams().stream().map(id -> new TeamRef(id, caller.teamNames().get(id)))
                .sorted(Comparator.comparing(TeamRef::name)).toList();
        return new MeView(caller.kind(), caller.id(), caller.name(), caller.displayName(), caller.orgRole(), teams, caller.keyId());
    }
}
