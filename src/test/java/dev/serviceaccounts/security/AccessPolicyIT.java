package dev.serviceaccounts.security;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The authorization policy, cell by cell, over HTTP: every role x service-account operation x
 * scope (own team / other team / organization level), then the organization-wide operations.
 * A refused request must also leave the account as it was.
 */
class AccessPolicyIT extends ApiIT {

    private static final String ACCOUNTS = "api/v1/service-accounts";

    enum Role { OWNER, ORG_ADMIN, TEAM_ADMIN, USER }

    enum Scope { OWN_TEAM, OTHER_TEAM, ORGANIZATION }

    /** What each operation answers when allowed. */
    enum Operation {
        LIST(200), READ(200), CREATE(201), RENAME(200), DISABLE(200), ENABLE(200), GRANT_ROLE(200), MOVE_HERE(200), DELETE(204);

        final int allowed;

        Operation(int allowed) {
            this.allowed = allowed;
        }
    }

    record Cell(Role role, Operation operation, Scope scope, int expected) {
    }

    /** The policy as a table: who may act in which scope. */
    static int expected(Role role, Operation operation, Scope scope) {
        boolean allowed = switch (role) {
            case OWNER, ORG_ADMIN -> true;
            case TEAM_ADMIN -> scope == Scope.OWN_TEAM;
            case USER -> false;
        };
        return allowed ? operation.allowed : 403;
    }

    /** One caller per role; the team administrator administers {@code team}. */
    private Map<Role, Api> callers(String team) {
        return Map.of(
                Role.OWNER, owner,
                Role.ORG_ADMIN, fixtures.member("ORG_ADMIN").api(),
                Role.TEAM_ADMIN, fixtures.teamAdmin(team).api(),
                Role.USER, fixtures.member("USER").api());
    }

    @Test
    void everyRoleOperationAndScopeAnswersAsThePolicySays() {
        String ownTeam = fixtures.team();
        String otherTeam = fixtures.team();
        Map<Role, Api> callers = callers(ownTeam);
        Map<Scope, String> teams = new java.util.EnumMap<>(Scope.class);
        teams.put(Scope.OWN_TEAM, ownTeam);
        teams.put(Scope.OTHER_TEAM, otherTeam);
        teams.put(Scope.ORGANIZATION, null);

        var failures = new ArrayList<String>();
        int cells = 0;
        for (Role role : Role.values()) {
            for (Operation operation : Operation.values()) {
                for (Scope scope : Scope.values()) {
                    var cell = new Cell(role, operation, scope, expected(role, operation, scope));
                    int actual = perform(callers.get(role), cell, teams.get(scope), ownTeam);
                    cells++;
                    if (actual != cell.expected()) {
                        failures.add(cell + " answered " + actual);
                    }
                }
            }
        }
        assertEquals(4 * 9 * 3, cells);
        if (!failures.isEmpty()) {
            fail("Policy cells that disagree with the table:\n" + String.join("\n", failures));
        }
    }

    /** Performs one cell on a fresh account (created by the OWNER) and checks a refusal changed nothing. */
    private int perform(Api caller, Cell cell, String team, String ownTeam) {
        String path = null;
        String versionBefore = null;
        if (cell.operation() != Operation.CREATE && cell.operation() != Operation.LIST) {
            String home = cell.operation() == Operation.MOVE_HERE ? ownTeam : team;
            path = ACCOUNTS + "/" + fixtures.serviceAccount(home).getString("id");
            versionBefore = owner.get(path).expect(200).header("ETag");
        }
        var reply = switch (cell.operation()) {
            case LIST -> caller.get(ACCOUNTS + "?team=" + (team == null ? "none" : team));
            case READ -> caller.get(path);
            case CREATE -> {
                var body = Json.createObjectBuilder().add("identifier", unique("cell"));
                if (team != null) {
                    body.add("teamId", team);
                }
                yield caller.post(ACCOUNTS, body.build());
            }
            case RENAME -> caller.patch(path, Json.createObjectBuilder().add("identifier", unique("renamed")).build());
            case DISABLE -> caller.post(path + "/disable", "");
            case ENABLE -> {
                owner.post(path + "/disable", "").expect(200);
                versionBefore = owner.get(path).expect(200).header("ETag");
                yield caller.post(path + "/enable", "");
            }
            case GRANT_ROLE -> caller.put(path + "/roles", team == null ? Json.createArrayBuilder().build()
                    : Json.createArrayBuilder().add(Json.createObjectBuilder().add("teamId", team).add("role", "MEMBER")).build());
            case MOVE_HERE -> {
                var body = Json.createObjectBuilder();
                if (team == null) {
                    body.addNull("teamId");
                } else {
                    body.add("teamId", team);
                }
                yield caller.patch(path, body.build());
            }
            case DELETE -> caller.delete(path);
        };
        if (reply.status() == 403) {
            reply.problem(403);
            if (path != null) {
                assertEquals(versionBefore, owner.get(path).expect(200).header("ETag"), cell + ": a refusal changed the account");
            }
        }
        return reply.status();
    }

    @Test
    void organizationWideOperationsAreForOwnersAndOrgAdminsOnly() {
        String team = fixtures.team();
        Map<Role, Api> callers = callers(team);
        record OrgCell(String name, BiFunction<Api, String, Api.Reply> call, Map<Role, Integer> expected) {
        }
        var orgAdmins = Map.of(Role.OWNER, 0, Role.ORG_ADMIN, 0, Role.TEAM_ADMIN, 403, Role.USER, 403);
        var cells = List.of(
                new OrgCell("set global admin", (api, t) -> api.patch(ACCOUNTS + "/" + fixtures.serviceAccount(t).getString("id"),
                        Json.createObjectBuilder().add("globalAdmin", true).build()), orgAdmins),
                new OrgCell("create team", (api, t) -> api.post("api/v1/teams",
                        Json.createObjectBuilder().add("name", unique("t")).build()), orgAdmins),
                new OrgCell("rename team", (api, t) -> api.patch("api/v1/teams/" + t,
                        Json.createObjectBuilder().add("description", unique("d")).build()), orgAdmins),
                new OrgCell("list members", (api, t) -> api.get("api/v1/members"), orgAdmins),
                new OrgCell("create member", (api, t) -> api.post("api/v1/members", Json.createObjectBuilder()
                        .add("username", unique("m")).add("displayName", "M").add("password", "long-enough-password")
                        .add("orgRole", "USER").build()), orgAdmins),
                new OrgCell("grant team admin", (api, t) -> api.put("api/v1/teams/" + t + "/admins/"
                        + fixtures.member("USER").id(), ""), orgAdmins),
                new OrgCell("read organization", (api, t) -> api.get("api/v1/organization"), orgAdmins),
                new OrgCell("rename organization", (api, t) -> api.patch("api/v1/organization",
                        Json.createObjectBuilder().add("name", "Org " + unique("n")).build()), orgAdmins),
                new OrgCell("list all teams", (api, t) -> api.get("api/v1/teams"),
                        Map.of(Role.OWNER, 0, Role.ORG_ADMIN, 0, Role.TEAM_ADMIN, 0, Role.USER, 403)),
                new OrgCell("read own team", (api, t) -> api.get("api/v1/teams/" + t),
                        Map.of(Role.OWNER, 0, Role.ORG_ADMIN, 0, Role.TEAM_ADMIN, 0, Role.USER, 403)),
                new OrgCell("read audit trail", (api, t) -> api.get("api/v1/audit-events"),
                        Map.of(Role.OWNER, 0, Role.ORG_ADMIN, 0, Role.TEAM_ADMIN, 0, Role.USER, 403)),
                new OrgCell("read me", (api, t) -> api.get("api/v1/me"),
                        Map.of(Role.OWNER, 0, Role.ORG_ADMIN, 0, Role.TEAM_ADMIN, 0, Role.USER, 0)));
        var failures = new ArrayList<String>();
        for (var cell : cells) {
            for (Role role : Role.values()) {
                int status = cell.call().apply(callers.get(role), team).status();
                int expected = cell.expected().get(role);
                boolean ok = expected == 0 ? status >= 200 && status < 300 : status == expected;
                if (!ok) {
                    failures.add(cell.name() + " as " + role + " answered " + status + ", expected "
                            + (expected == 0 ? "2xx" : expected));
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures));
        }
    }

    @Test
    void aTeamAdminSeesOnlyItsTeamsAccountsAndCannotReachFurtherThroughAnAccount() {
        String mine = fixtures.team();
        String theirs = fixtures.team();
        var teamAdmin = fixtures.teamAdmin(mine).api();
        String inMine = fixtures.serviceAccount(mine).getString("identifier");
        fixtures.serviceAccount(theirs);
        fixtures.serviceAccount(null);

        var listed = teamAdmin.get(ACCOUNTS + "?size=500").expect(200).json();
        assertEquals(List.of(inMine), listed.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("identifier")).toList(), "only the own team's accounts");

        // An account of the own team that an org admin made global admin, or gave a role elsewhere, is out of reach.
        String global = fixtures.serviceAccount(mine).getString("id");
        owner.patch(ACCOUNTS + "/" + global, Json.createObjectBuilder().add("globalAdmin", true).build()).expect(200);
        teamAdmin.patch(ACCOUNTS + "/" + global, Json.createObjectBuilder().add("displayName", "mine now").build()).problem(403);
        String reachingOut = fixtures.serviceAccount(mine).getString("id");
        owner.put(ACCOUNTS + "/" + reachingOut + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", theirs).add("role", "ADMIN")).build()).expect(200);
        teamAdmin.delete(ACCOUNTS + "/" + reachingOut).problem(403);
        // Nor can it grant a role in another team to an account of its own.
        String own = fixtures.serviceAccount(mine).getString("id");
        teamAdmin.put(ACCOUNTS + "/" + own + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", theirs).add("role", "VIEWER")).build()).problem(403);
        teamAdmin.put(ACCOUNTS + "/" + own + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", mine).add("role", "ADMIN")).build()).expect(200);
        teamAdmin.get(ACCOUNTS + "?team=" + theirs).problem(403);
        teamAdmin.get(ACCOUNTS + "?team=none").problem(403);
    }
}
