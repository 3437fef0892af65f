package dev.serviceaccounts.security;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a service account's role in a team lets it do there, as a table: VIEWER reads; MEMBER reads
 * and contains (disables accounts, revokes credentials: actions that only take power away); ADMIN
 * administers the team. Nobody reaches an account of another team. Every cell runs against a fresh
 * target account over HTTP.
 */
class TeamRolesIT extends ApiIT {

    enum Action { LIST, READ, READ_AUDIT, DISABLE, REVOKE, ENABLE, ISSUE, RENAME, DELETE }

    private static final List<Action> READS = List.of(Action.LIST, Action.READ, Action.READ_AUDIT);
    private static final List<Action> CONTAINS = List.of(Action.DISABLE, Action.REVOKE);

    private static boolean allowed(String role, Action action, boolean ownTeam) {
        if (!ownTeam) {
            return false;
        }
        return switch (role) {
            case "VIEWER" -> READS.contains(action);
            case "MEMBER" -> READS.contains(action) || CONTAINS.contains(action);
            case "ADMIN" -> true;
            default -> throw new IllegalArgumentException(role);
        };
    }

    private Api accountWithRole(String team, String role) {
        var created = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique(role.toLowerCase()))
                .add("roles", Json.createArrayBuilder().add(Json.createObjectBuilder().add("teamId", team).add("role", role)))
                .add("credential", Json.createObjectBuilder()).build()).expect(201).json();
        return anonymous.withAuthorization("Bearer " + created.getJsonObject("credential").getString("secret"));
    }

    @Test
    void eachTeamRoleAllowsWhatItSaysAndNothingBeyondItsTeam() {
        String mine = fixtures.team();
        String theirs = fixtures.team();
        Map<String, Api> callers = Map.of("VIEWER", accountWithRole(mine, "VIEWER"), "MEMBER", accountWithRole(mine, "MEMBER"),
                "ADMIN", accountWithRole(mine, "ADMIN"));
        var wrong = new ArrayList<String>();
        for (var caller : callers.entrySet()) {
            for (String team : List.of(mine, theirs)) {
                for (Action action : Action.values()) {
                    int status = attempt(caller.getValue(), team, action);
                    boolean expected = allowed(caller.getKey(), action, team.equals(mine));
                    if ((status < 300) != expected || (!expected && status != 403)) {
                        wrong.add(caller.getKey() + " " + action + (team.equals(mine) ? " in its team" : " in another team")
                                + ": " + status + ", expected " + (expected ? "success" : "403"));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private int attempt(Api caller, String team, Action action) {
        var target = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique("target"))
                .add("teamId", team).add("credential", Json.createObjectBuilder()).build()).expect(201).json();
        String path = "api/v1/service-accounts/" + target.getJsonObject("account").getString("id");
        String keyId = target.getJsonObject("credential").getString("keyId");
        String before = owner.get(path).expect(200).header("ETag");
        var reply = switch (action) {
            case LIST -> caller.get("api/v1/service-accounts?team=" + team);
            case READ -> caller.get(path);
            case READ_AUDIT -> caller.get("api/v1/audit-events?targetId=" + target.getJsonObject("account").getString("id"));
            case DISABLE -> caller.post(path + "/disable", "");
            case REVOKE -> caller.post(path + "/credentials/" + keyId + "/revoke", "{}");
            case ENABLE -> {
                owner.post(path + "/disable", "").expect(200);
                before = owner.get(path).expect(200).header("ETag");
                yield caller.post(path + "/enable", "");
            }
            case ISSUE -> caller.post(path + "/credentials", "{}");
            case RENAME -> caller.patch(path, Json.createObjectBuilder().add("displayName", "renamed").build());
            case DELETE -> caller.delete(path);
        };
        if (action == Action.READ_AUDIT && reply.status() == 200) {
            // the trail answers every reader, showing only the teams it may see: nothing here is a refusal
            return reply.json().getJsonArray("items").isEmpty() ? 403 : 200;
        }
        if (reply.status() == 403) {
            reply.problem(403);
            assertEquals(before, owner.get(path).expect(200).header("ETag"), action + ": a refusal changed the account");
            if (action == Action.REVOKE) {
                var state = owner.get(path + "/credentials").expect(200).body();
                assertEquals(false, state.contains("REVOKED"), "a refused revoke revoked nothing");
            }
        }
        return reply.status();
    }
}
