package dev.serviceaccounts.team.boundary;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class TeamsIT extends ApiIT {

    private static final String TEAMS = "api/v1/teams";

    @Test
    void createsListsReadsRenamesAndDeletesTeams() {
        String name = unique("Platform");
        var created = owner.post(TEAMS, Json.createObjectBuilder().add("name", name).add("description", "Builds").build());
        String id = created.expect(201).json().getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/teams/" + id));
        assertEquals(name, owner.get(TEAMS + "/" + id).expect(200).json().getString("name"));
        assertTrue(owner.get(TEAMS + "?size=500").expect(200).json().getJsonArray("items").stream()
                .anyMatch(t -> t.asJsonObject().getString("id").equals(id)));

        String renamed = unique("Infra");
        var updated = owner.patch(TEAMS + "/" + id, Json.createObjectBuilder().add("name", renamed).build(), "\"0\"").expect(200);
        assertEquals(renamed, updated.json().getString("name"));
        assertEquals("Builds", updated.json().getString("description"));
        owner.patch(TEAMS + "/" + id, Json.createObjectBuilder().add("name", "stale").build(), "\"0\"").problem(412);

        owner.delete(TEAMS + "/" + id).expect(204);
        owner.get(TEAMS + "/" + id).problem(404);
    }

    @Test
    void namesAreUniqueWhateverTheCase() {
        String name = unique("Data");
        owner.post(TEAMS, Json.createObjectBuilder().add("name", name).build()).expect(201);
        owner.post(TEAMS, Json.createObjectBuilder().add("name", name.toUpperCase()).build()).problem(409);
        owner.post(TEAMS, Json.createObjectBuilder().add("name", " ").build()).problem(422);
        owner.post(TEAMS, Json.createObjectBuilder().add("name", "x".repeat(101)).build()).problem(422);
    }

    @Test
    void aTeamHoldingServiceAccountsCannotBeDeleted() {
        String team = fixtures.team();
        String account = fixtures.serviceAccount(team).getString("id");
        owner.delete(TEAMS + "/" + team).problem(409);
        owner.get(TEAMS + "/" + team).expect(200);
        owner.delete("api/v1/service-accounts/" + account).expect(204);
        owner.delete(TEAMS + "/" + team).expect(204);
    }

    @Test
    void grantsAndRevokesTeamAdministrators() {
        String team = fixtures.team();
        var member = fixtures.member("USER");
        member.api().get("api/v1/service-accounts").problem(403);

        var admins = owner.put(TEAMS + "/" + team + "/admins/" + member.id(), "").expect(200).array();
        assertEquals(member.username(), admins.getJsonObject(0).getString("username"));
        assertEquals(1, owner.get(TEAMS + "/" + team + "/admins").expect(200).array().size());
        var me = member.api().get("api/v1/me").expect(200).json();
        assertEquals(team, me.getJsonArray("adminTeams").getJsonObject(0).getString("id"));
        member.api().get("api/v1/service-accounts").expect(200);

        owner.delete(TEAMS + "/" + team + "/admins/" + member.id()).expect(204);
        assertEquals(0, owner.get(TEAMS + "/" + team + "/admins").expect(200).array().size());
        member.api().get("api/v1/service-accounts").problem(403);
        owner.put(TEAMS + "/" + team + "/admins/" + java.util.UUID.randomUUID(), "").problem(404);
    }
}
