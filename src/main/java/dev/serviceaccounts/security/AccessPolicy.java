package dev.serviceaccounts.security;

import dev.serviceaccounts.problem.ProblemException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The one authorization policy. Facades ask it before every read and change; nothing else
 * decides who may do what.
 * <ul>
 * <li>OWNER and ORG_ADMIN may do everything, in the organization and every team.</li>
 * <li>A team administrator (a member granted TEAM_ADMIN of a team, or a service account with the
 * ADMIN role there) reads and manages the service accounts, audit trail and details of that team
 * only: never organization-level accounts, never the global-admin flag, never another team.</li>
 * <li>Everyone else reads only who they are ({@code /me}).</li>
 * <li>Only an OWNER creates, changes or removes an OWNER, so nobody grants more than they hold.</li>
 * </ul>
 */
public final class AccessPolicy {

    /** What a caller wants to do. */
    public enum Operation {
        READ_SERVICE_ACCOUNTS, MANAGE_SERVICE_ACCOUNTS, SET_GLOBAL_ADMIN,
        /** Containment: disable an account, revoke a credential. Takes power away, never gives any. */
        CONTAIN_SERVICE_ACCOUNTS,
        READ_TEAMS, MANAGE_TEAMS,
        READ_MEMBERS, MANAGE_MEMBERS,
        READ_AUDIT,
        READ_ORGANIZATION, MANAGE_ORGANIZATION,
        /** Webhooks see events of every team, so only organization administrators manage them. */
        MANAGE_WEBHOOKS,
        /** Ask the token service whether a token is good (RFC 7662). */
        INTROSPECT_TOKENS
    }

    /** Operations a team administrator may perform inside the teams it administers. */
    private static final Set<Operation> TEAM_SCOPED = EnumSet.of(
            Operation.READ_SERVICE_ACCOUNTS, Operation.MANAGE_SERVICE_ACCOUNTS, Operation.CONTAIN_SERVICE_ACCOUNTS,
            Operation.READ_TEAMS, Operation.READ_AUDIT);

    /** Operations a service account's MEMBER role allows in its team, beyond reading. */
    private static final Set<Operation> TEAM_OPERATIONS = EnumSet.of(Operation.CONTAIN_SERVICE_ACCOUNTS);

    /** Operations any role in a team (a service account's VIEWER too) allows there. */
    private static final Set<Operation> TEAM_READS = EnumSet.of(
            Operation.READ_SERVICE_ACCOUNTS, Operation.READ_TEAMS, Operation.READ_AUDIT);

    /** Where an operation lands: one team, or the organization as a whole (teamId null). */
    public record Scope(UUID teamId) {
        public static final Scope ORGANIZATION = new Scope(null);

        public static Scope team(UUID teamId) {
            return new Scope(teamId);
        }
    }

    /** What a listing may show the caller: everything, or only these teams. */
    public record Visibility(boolean everything, Set<UUID> teams) {
        public boolean includes(UUID teamId) {
            return everything || (teamId != null && teams.contains(teamId));
        }
    }

    private AccessPolicy() {
    }

    public static boolean permits(Caller caller, Operation operation, Scope scope) {
        if (caller.isOrgAdmin()) {
            return true;
        }
        if (operation == Operation.INTROSPECT_TOKENS) {
            return caller.introspector();
        }
        return (TEAM_SCOPED.contains(operation) && caller.administers(scope.teamId()))
                || (TEAM_OPERATIONS.contains(operation) && caller.operates(scope.teamId()))
                || (TEAM_READS.contains(operation) && caller.reads(scope.teamId()));
    }

    public static void require(Caller caller, Operation operation, Scope scope) {
        if (!permits(caller, operation, scope)) {
            throw new ProblemException.Forbidden(caller.isOrgAdmin() || caller.adminTeams().isEmpty()
                    ? "You are not allowed to do this."
                    : "Team administrators act only inside the teams they administer.");
        }
    }

    /**
     * Service accounts act through the same rules: a global-admin account as an ORG_ADMIN, an
     * ADMIN role in team T as an administrator of T, a MEMBER role in T as a reader of T that may
     * also contain T's accounts (disable them, revoke their credentials), a VIEWER role as a reader.
     * An account with no role and no global-admin flag authenticates but may only ask who it is.
     */
    public static OrgRole orgRoleOfServiceAccount(boolean globalAdmin) {
        return globalAdmin ? OrgRole.ORG_ADMIN : OrgRole.USER;
    }

    /**
     * Managing a service account means managing everything it holds: its team, every team it has a
     * role in, and its organization-level rights (global admin, introspection). Otherwise a team administrator could reach, through the
     * account, more than it holds itself.
     */
    public static void requireManageServiceAccount(Caller caller, UUID teamId, Collection<UUID> roleTeams,
                                                   boolean organizationRights) {
        requireOverAccount(caller, Operation.MANAGE_SERVICE_ACCOUNTS, teamId, roleTeams, organizationRights);
    }

    /**
     * Containing a service account (disabling it, revoking a credential) reaches, like managing it,
     * every team it holds a role in: a MEMBER of T may contain an account of T whose roles are all
     * in teams where it may contain too, and that holds no organization-level right.
     */
    public static void requireContainServiceAccount(Caller caller, UUID teamId, Collection<UUID> roleTeams,
                                                    boolean organizationRights) {
        requireOverAccount(caller, Operation.CONTAIN_SERVICE_ACCOUNTS, teamId, roleTeams, organizationRights);
    }

    /** The operation in the account's team and in every team it holds a role in, and organization rights if it has any. */
    private static void requireOverAccount(Caller caller, Operation operation, UUID teamId, Collection<UUID> roleTeams,
                                           boolean organizationRights) {
        require(caller, operation, Scope.team(teamId));
        roleTeams.forEach(team -> require(caller, operation, Scope.team(team)));
        if (organizationRights) {
            require(caller, Operation.SET_GLOBAL_ADMIN, Scope.ORGANIZATION);
        }
    }

    /** What a listing may include; a caller who may see nothing at all gets 403. */
    public static Visibility visibility(Caller caller, Operation operation) {
        if (!seesAny(caller, operation)) {
            throw new ProblemException.Forbidden("You are not allowed to do this.");
        }
        return caller.isOrgAdmin() ? new Visibility(true, Set.of()) : new Visibility(false, caller.readTeams());
    }

    /** Whether a listing of this operation shows the caller anything at all. */
    public static boolean seesAny(Caller caller, Operation operation) {
        return caller.isOrgAdmin() || (TEAM_READS.contains(operation) && !caller.readTeams().isEmpty());
    }

    /**
     * Creating, changing or removing a member. {@code current} is the member's role now (null when
     * creating), {@code next} the role it will have (null when removing).
     */
    public static void requireMemberChange(Caller caller, OrgRole current, OrgRole next) {
        require(caller, Operation.MANAGE_MEMBERS, Scope.ORGANIZATION);
        if ((current == OrgRole.OWNER || next == OrgRole.OWNER) && caller.orgRole() != OrgRole.OWNER) {
            throw new ProblemException.Forbidden("Only an OWNER creates, changes or removes an OWNER.");
        }
    }
}
