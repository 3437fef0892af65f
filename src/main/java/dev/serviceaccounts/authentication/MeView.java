package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.security.OrgRole;
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

    /**
     * Consistent with the record's equals (equal views share id and key id), and cheap: JSON-B
     * hashes every object it writes to detect cycles, and hashing every field cost several per cent
     * of a {@code GET /me} (JFR).
     */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + (keyId == null ? 0 : keyId.hashCode());
    }
}
