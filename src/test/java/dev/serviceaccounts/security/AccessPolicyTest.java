package dev.serviceaccounts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The policy as a table: every caller x operation x scope, with the decision expected. */
class AccessPolicyTest {

    static final UUID OWN = UUID.randomUUID();
    static final UUID OTHER = UUID.randomUUID();

    static Caller caller(OrgRole role, Set<UUID> adminTeams) {
        var names = new java.util.HashMap<UUID, String>();
        adminTeams.forEach(team -> names.put(team, "team " + team));
        return Caller.member(UUID.randomUUID(), "someone", "Someone", role, names);
    }

    static final Caller OWNER = caller(OrgRole.OWNER, Set.of());
    static final Caller ORG_ADMIN = caller(OrgRole.ORG_ADMIN, Set.of());
    static final Caller TEAM_ADMIN = caller(OrgRole.USER, Set.of(OWN));
    static final Caller USER = caller(OrgRole.USER, Set.of());
    /** A service account with the VIEWER role in the own team. */
    static final Caller VIEWER = new Caller(ActorKind.SERVICE_ACCOUNT, UUID.randomUUID(), "ci", "CI", OrgRole.USER, Set.of(),
            Set.of(), Set.of(OWN), java.util.Map.of(OWN, "own"), false, "sak_0000000000000000", false, "127.0.0.1");
    /** A service account with the MEMBER role in the own team. */
    static final Caller MEMBER = new Caller(ActorKind.SERVICE_ACCOUNT, UUID.randomUUID(), "ops", "Ops", OrgRole.USER, Set.of(),
            Set.of(OWN), Set.of(OWN), java.util.Map.of(OWN, "own"), false, "sak_0000000000000001", false, "127.0.0.1");
    static final Set<Operation> MEMBER_MAY_IN_OWN_TEAM = EnumSet.of(Operation.READ_SERVICE_ACCOUNTS, Operation.READ_TEAMS,
            Operation.READ_AUDIT, Operation.CONTAIN_SERVICE_ACCOUNTS);
    static final Set<Operation> READS = EnumSet.of(Operation.READ_SERVICE_ACCOUNTS, Operation.READ_TEAMS, Operation.READ_AUDIT);

    static final Set<Operation> TEAM_ADMIN_MAY_IN_OWN_TEAM = EnumSet.of(
            Operation.READ_SERVICE_ACCOUNTS, Operation.MANAGE_SERVICE_ACCOUNTS, Operation.CONTAIN_SERVICE_ACCOUNTS,
            Operation.READ_TEAMS, Operation.READ_AUDIT);

    @Test
    void decidesEveryCellOfTheTable() {
        var wrong = new ArrayList<String>();
        for (Operation operation : Operation.values()) {
            for (Scope scope : List.of(Scope.team(OWN), Scope.team(OTHER), Scope.ORGANIZATION)) {
                check(wrong, "OWNER", OWNER, operation, scope, true);
                check(wrong, "ORG_ADMIN", ORG_ADMIN, operation, scope, true);
                check(wrong, "TEAM_ADMIN", TEAM_ADMIN, operation, scope,
                        OWN.equals(scope.teamId()) && TEAM_ADMIN_MAY_IN_OWN_TEAM.contains(operation));
                check(wrong, "USER", USER, operation, scope, false);
                check(wrong, "VIEWER", VIEWER, operation, scope, OWN.equals(scope.teamId()) && READS.contains(operation));
                check(wrong, "MEMBER", MEMBER, operation, scope, OWN.equals(scope.teamId()) && MEMBER_MAY_IN_OWN_TEAM.contains(operation));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String name, Caller caller, Operation operation, Scope scope, boolean expected) {
        if (AccessPolicy.permits(caller, operation, scope) != expected) {
            wrong.add(name + " " + operation + " " + scope + " should be " + (expected ? "allowed" : "refused"));
        }
    }

    @Test
    void managingAnAccountNeedsEverythingItHolds() {
        AccessPolicy.requireManageServiceAccount(TEAM_ADMIN, OWN, Set.of(OWN), false);
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireManageServiceAccount(TEAM_ADMIN, OWN, Set.of(OTHER), false));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireManageServiceAccount(TEAM_ADMIN, OWN, Set.of(), true));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireManageServiceAccount(TEAM_ADMIN, null, Set.of(), false));
        AccessPolicy.requireManageServiceAccount(ORG_ADMIN, null, Set.of(OWN, OTHER), true);
    }

    @Test
    void containingAnAccountNeedsEveryTeamItHoldsARoleIn() {
        AccessPolicy.requireContainServiceAccount(MEMBER, OWN, Set.of(OWN), false);
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireContainServiceAccount(MEMBER, OWN, Set.of(OTHER), false));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireContainServiceAccount(MEMBER, OWN, Set.of(), true));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireContainServiceAccount(VIEWER, OWN, Set.of(), false));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireManageServiceAccount(MEMBER, OWN, Set.of(), false));
        AccessPolicy.requireContainServiceAccount(TEAM_ADMIN, OWN, Set.of(OWN), false);
    }

    @Test
    void onlyAnOwnerTouchesOwners() {
        AccessPolicy.requireMemberChange(OWNER, null, OrgRole.OWNER);
        AccessPolicy.requireMemberChange(ORG_ADMIN, null, OrgRole.ORG_ADMIN);
        AccessPolicy.requireMemberChange(ORG_ADMIN, OrgRole.USER, OrgRole.ORG_ADMIN);
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireMemberChange(ORG_ADMIN, null, OrgRole.OWNER));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireMemberChange(ORG_ADMIN, OrgRole.OWNER, OrgRole.OWNER));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireMemberChange(ORG_ADMIN, OrgRole.OWNER, null));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireMemberChange(TEAM_ADMIN, null, OrgRole.USER));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.requireMemberChange(USER, null, OrgRole.USER));
    }

    @Test
    void listingsShowEverythingToAdminsTheirTeamsToTeamAdminsAndNothingToUsers() {
        assertEquals(true, AccessPolicy.visibility(ORG_ADMIN, Operation.READ_SERVICE_ACCOUNTS).everything());
        assertEquals(Set.of(OWN), AccessPolicy.visibility(TEAM_ADMIN, Operation.READ_SERVICE_ACCOUNTS).teams());
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.visibility(TEAM_ADMIN, Operation.READ_MEMBERS));
        assertThrows(ProblemException.Forbidden.class, () -> AccessPolicy.visibility(USER, Operation.READ_SERVICE_ACCOUNTS));
    }
}
