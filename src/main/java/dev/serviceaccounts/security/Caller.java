package dev.serviceaccounts.security;

import dev.serviceaccounts.audit.entity.Actor;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.member.entity.OrgRole;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated party of one request, as the authorization policy sees it: an organization
 * role, the teams it administers, and the address the request came from (for the audit trail).
 */
public record Caller(ActorKind kind, UUID id, String name, OrgRole orgRole, Set<UUID> adminTeams, String sourceIp) {

    /** Request attribute under which the authentication mechanism leaves the caller. */
    public static final String ATTRIBUTE = Caller.class.getName();

    public Caller {
        adminTeams = Set.copyOf(adminTeams);
    }

    public Caller from(String address) {
        return new Caller(kind, id, name, orgRole, adminTeams, address);
    }

    public boolean isOrgAdmin() {
        return orgRole.isAdmin();
    }

    public boolean administers(UUID teamId) {
        return teamId != null && adminTeams.contains(teamId);
    }

    public Actor actor() {
        return new Actor(kind, id, name);
    }
}
