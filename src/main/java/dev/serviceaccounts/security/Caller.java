package dev.serviceaccounts.security;

import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.audit.entity.ActorKind;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated party of one request, as the authorization policy sees it: an organization
 * role, the teams it administers, the teams where it may take containment actions (disable an
 * account, revoke a credential), the teams it may read, the credential it presented (service
 * accounts), whether it proved that credential with a short-lived token rather than the secret,
 * and the address the request came from (for the audit trail).
 */
public record Caller(ActorKind kind, UUID id, String name, String displayName, OrgRole orgRole, Set<UUID> adminTeams,
                     Set<UUID> operateTeams, Set<UUID> readTeams, Map<UUID, String> teamNames, boolean introspector, String keyId, boolean viaToken,
                     String sourceIp) {

    /** Request attribute under which the authentication mechanism leaves the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        adminTeams = Set.copyOf(adminTeams); // copyOf keeps an unmodifiable set as it is: from() copies nothing
        if (!operateTeams.containsAll(adminTeams)) {
            var operated = new java.util.HashSet<>(operateTeams);
            operated.addAll(adminTeams);
            operateTeams = operated;
        }
        operateTeams = Set.copyOf(operateTeams);
        if (!readTeams.containsAll(operateTeams)) {
            var readable = new java.util.HashSet<>(readTeams);
            readable.addAll(operateTeams);
            readTeams = readable;
        }
        readTeams = Set.copyOf(readTeams);
        teamNames = Map.copyOf(teamNames);
    }

    /** A member: administers the teams it was granted (named in teamNames), and reads those. */
    public static Caller member(UUID id, String username, String displayName, OrgRole orgRole, Map<UUID, String> teamNames) {
        return new Caller(ActorKind.MEMBER, id, username, displayName, orgRole, teamNames.keySet(), teamNames.keySet(),
                teamNames.keySet(), teamNames, false, null, false, null);
    }

    public Caller from(String address) {
        return new Caller(kind, id, name, displayName, orgRole, adminTeams, operateTeams, readTeams, teamNames, introspector, keyId, viaToken,
                address);
    }

    /** The same caller, authenticated by a JWT our token service signed for its credential. */
    public Caller byToken() {
        return new Caller(kind, id, name, displayName, orgRole, adminTeams, operateTeams, readTeams, teamNames, introspector, keyId, true,
                sourceIp);
    }

    public boolean reads(UUID teamId) {
        return teamId != null && readTeams.contains(teamId);
    }

    public boolean isOrgAdmin() {
        return orgRole.isAdmin();
    }

    /** Whether it may take containment actions in the team: administrators, and service accounts with MEMBER there. */
    public boolean operates(UUID teamId) {
        return teamId != null && operateTeams.contains(teamId);
    }

    public boolean administers(UUID teamId) {
        return teamId != null && adminTeams.contains(teamId);
    }

    public Actor actor() {
        return new Actor(kind, id, name);
    }
}
