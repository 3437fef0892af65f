package dev.serviceaccounts.audit.boundary;

import static dev.serviceaccounts.Fixtures.PASSWORD;
import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditEventsIT extends ApiIT {

    private static final String EVENTS = "api/v1/audit-events";

    enum Action {
        ORGANIZATION_UPDATED, TEAM_CREATED, TEAM_UPDATED, TEAM_DELETED, MEMBER_CREATED, MEMBER_UPDATED, MEMBER_DELETED,
        TEAM_ADMIN_GRANTED, TEAM_ADMIN_REVOKED, SERVICE_ACCOUNT_CREATED, SERVICE_ACCOUNT_UPDATED,
        SERVICE_ACCOUNT_ROLES_CHANGED, SERVICE_ACCOUNT_DISABLED, SERVICE_ACCOUNT_ENABLED, SERVICE_ACCOUNT_DELETED
    }

    private List<JsonObject> events(Api api, String query) {
        return api.get(EVENTS + "?size=500&" + query).expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    @Test
    void everyStateChangeIsRecordedWithItsActorAndSourceAddress() {
        var actor = fixtures.member("ORG_ADMIN");
        Api api = actor.api();
        api.patch("api/v1/organization", Json.createObjectBuilder().add("name", "Org " + unique("a")).build()).expect(200);
        String team = api.post("api/v1/teams", Json.createObjectBuilder().add("name", unique("audited")).build()).expect(201).json().getString("id");
        api.patch("api/v1/teams/" + team, Json.createObjectBuilder().add("description", "changed").build()).expect(200);
        String member = api.post("api/v1/members", Json.createObjectBuilder().add("username", unique("m")).add("displayName", "M")
                .add("password", PASSWORD).add("orgRole", "USER").build()).expect(201).json().getString("id");
        api.patch("api/v1/members/" + member, Json.createObjectBuilder().add("displayName", "M2").build()).expect(200);
        api.put("api/v1/teams/" + team + "/admins/" + member, "").expect(200);
        api.delete("api/v1/teams/" + team + "/admins/" + member).expect(204);
        api.delete("api/v1/members/" + member).expect(204);
        String account = api.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique("aud"))
                .add("teamId", team).build()).expect(201).json().getString("id");
        api.patch("api/v1/service-accounts/" + account, Json.createObjectBuilder().add("displayName", "D").build()).expect(200);
        api.put("api/v1/service-accounts/" + account + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", team).add("role", "VIEWER")).build()).expect(200);
        api.post("api/v1/service-accounts/" + account + "/disable", "").expect(200);
        api.post("api/v1/service-accounts/" + account + "/enable", "").expect(200);
        api.delete("api/v1/service-accounts/" + account).expect(204);
        api.delete("api/v1/teams/" + team).expect(204);

        var recorded = events(owner, "actorId=" + actor.id());
        Set<String> actions = recorded.stream().map(e -> e.getString("action")).collect(Collectors.toSet());
        for (Action action : EnumSet.allOf(Action.class)) {
            assertTrue(actions.contains(action.name()), "an audit event for " + action + " in " + actions);
        }
        for (var event : recorded) {
            assertEquals(actor.username(), event.getJsonObject("actor").getString("name"));
            assertEquals("MEMBER", event.getJsonObject("actor").getString("kind"));
            assertEquals("127.0.0.1", event.getString("sourceIp"), event.toString());
            assertTrue(event.getJsonObject("target").containsKey("id"), event.toString());
        }
        assertEquals(Action.values().length, recorded.size(), "one event per change, no more: " + actions);
    }

    @Test
    void refusedAndInvalidRequestsRecordNothing() {
        var user = fixtures.member("USER");
        long before = total();
        user.api().post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique("no")).build()).problem(403);
        owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "BAD ID").build()).problem(422);
        owner.post("api/v1/teams", Json.createObjectBuilder().add("name", "").build()).problem(422);
        assertEquals(before, total());
    }

    @Test
    void historyOfADeletedAccountStaysAndNeverMixesWithALaterAccountOfTheSameIdentifier() {
        String identifier = unique("reused");
        String first = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier).build())
                .expect(201).json().getString("id");
        owner.post("api/v1/service-accounts/" + first + "/disable", "").expect(200);
        owner.delete("api/v1/service-accounts/" + first).expect(204);
        String second = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier).build())
                .expect(201).json().getString("id");

        var firstHistory = events(owner, "targetId=" + first);
        assertEquals(List.of("SERVICE_ACCOUNT_DELETED", "SERVICE_ACCOUNT_DISABLED", "SERVICE_ACCOUNT_CREATED"),
                firstHistory.stream().map(e -> e.getString("action")).toList(), "newest first");
        firstHistory.forEach(e -> assertEquals(identifier, e.getJsonObject("target").getString("name")));
        assertEquals(List.of("SERVICE_ACCOUNT_CREATED"),
                events(owner, "targetId=" + second).stream().map(e -> e.getString("action")).toList());

        // Renaming later does not rewrite history: events keep the name the account had then.
        String renamed = unique("renamed");
        owner.patch("api/v1/service-accounts/" + second, Json.createObjectBuilder().add("identifier", renamed).build()).expect(200);
        var secondHistory = events(owner, "targetId=" + second);
        assertEquals(renamed, secondHistory.get(0).getJsonObject("target").getString("name"));
        assertEquals(identifier, secondHistory.get(1).getJsonObject("target").getString("name"));
    }

    @Test
    void filtersByActionKindAndTimeAndTeamAdminsSeeOnlyTheirTeams() {
        Instant start = Instant.now().minusSeconds(1);
        String mine = fixtures.team();
        String theirs = fixtures.team();
        var teamAdmin = fixtures.teamAdmin(mine);
        String inMine = fixtures.serviceAccount(mine).getString("id");
        String inTheirs = fixtures.serviceAccount(theirs).getString("id");

        var created = events(owner, "action=SERVICE_ACCOUNT_CREATED&from=" + start);
        Set<String> targets = created.stream().map(e -> e.getJsonObject("target").getString("id")).collect(Collectors.toSet());
        assertTrue(targets.containsAll(List.of(inMine, inTheirs)));
        assertTrue(created.stream().allMatch(e -> e.getString("action").equals("SERVICE_ACCOUNT_CREATED")));
        assertTrue(events(owner, "targetKind=TEAM&from=" + start).stream()
                .allMatch(e -> e.getJsonObject("target").getString("kind").equals("TEAM")));
        assertEquals(0, events(owner, "targetId=" + inMine + "&to=" + start).size());

        var visible = events(teamAdmin.api(), "from=" + start);
        assertTrue(visible.stream().anyMatch(e -> e.getJsonObject("target").getString("id").equals(inMine)));
        assertTrue(visible.stream().noneMatch(e -> e.getJsonObject("target").getString("id").equals(inTheirs)),
                "a team admin reads only its teams' history");
        fixtures.member("USER").api().get(EVENTS).problem(403);

        owner.get(EVENTS + "?from=yesterday").problem(400);
        owner.get(EVENTS + "?action=NOTHING").problem(400);
        owner.get(EVENTS + "?targetId=12").problem(400);
    }

    private long total() {
        return owner.get(EVENTS + "?size=1").expect(200).json().getJsonNumber("totalItems").longValue();
    }
}
