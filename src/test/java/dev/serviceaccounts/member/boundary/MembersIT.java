package dev.serviceaccounts.member.boundary;

import static dev.serviceaccounts.Fixtures.PASSWORD;
import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class MembersIT extends ApiIT {

    private static final String MEMBERS = "api/v1/members";

    private static JsonObject newMember(String username, String role) {
        return Json.createObjectBuilder().add("username", username).add("displayName", "Person " + username)
                .add("email", username + "@example.com").add("password", PASSWORD).add("orgRole", role).build();
    }

    @Test
    void createsListsReadsUpdatesAndDeletesMembers() {
        String username = unique("alice");
        var created = owner.post(MEMBERS, newMember(username, "USER")).expect(201).json();
        String id = created.getString("id");
        assertEquals("USER", created.getString("orgRole"));
        assertFalse(created.toString().contains("password"), "no password or hash is ever returned");

        assertEquals(username, owner.get(MEMBERS + "/" + id).expect(200).json().getString("username"));
        assertTrue(owner.get(MEMBERS + "?size=500").expect(200).json().getJsonArray("items").stream()
                .anyMatch(m -> m.asJsonObject().getString("id").equals(id)));

        var updated = owner.patch(MEMBERS + "/" + id, Json.createObjectBuilder().add("displayName", "Alice A.")
                .add("orgRole", "ORG_ADMIN").add("password", "another-long-password").build()).expect(200).json();
        assertEquals("ORG_ADMIN", updated.getString("orgRole"));
        anonymous.as(username, PASSWORD).get("api/v1/me").problem(401);
        assertEquals("ORG_ADMIN", anonymous.as(username, "another-long-password").get("api/v1/me").expect(200).json()
                .getString("orgRole"));

        owner.delete(MEMBERS + "/" + id).expect(204);
        owner.get(MEMBERS + "/" + id).problem(404);
        anonymous.as(username, "another-long-password").get("api/v1/me").problem(401);
    }

    @Test
    void validatesInputAndRejectsDuplicates() {
        String username = unique("bob");
        owner.post(MEMBERS, newMember(username, "USER")).expect(201);
        owner.post(MEMBERS, newMember(username, "USER")).problem(409);
        var bad = owner.post(MEMBERS, Json.createObjectBuilder().add("username", "X").add("displayName", "")
                .add("email", "not-an-email").add("password", "short").add("orgRole", "USER").build()).problem(422);
        var fields = bad.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(java.util.List.of("username", "displayName", "email", "password")), fields.toString());
        owner.post(MEMBERS, Json.createObjectBuilder().add("username", unique("c")).add("displayName", "C")
                .add("password", PASSWORD).add("orgRole", "EMPEROR").build()).problem(400);
        owner.patch(MEMBERS + "/" + fixtures.member("USER").id(), Json.createObjectBuilder().add("orgRole", "EMPEROR").build())
                .problem(422);
    }

    @Test
    void onlyAnOwnerCreatesChangesOrRemovesOwners() {
        var orgAdmin = fixtures.member("ORG_ADMIN").api();
        orgAdmin.post(MEMBERS, newMember(unique("o"), "OWNER")).problem(403);
        var user = orgAdmin.post(MEMBERS, newMember(unique("u"), "USER")).expect(201).json();
        orgAdmin.patch(MEMBERS + "/" + user.getString("id"), Json.createObjectBuilder().add("orgRole", "OWNER").build())
                .problem(403);

        var secondOwner = owner.post(MEMBERS, newMember(unique("owner"), "OWNER")).expect(201).json();
        orgAdmin.patch(MEMBERS + "/" + secondOwner.getString("id"), Json.createObjectBuilder().add("password", "taken-over-now").build())
                .problem(403);
        orgAdmin.delete(MEMBERS + "/" + secondOwner.getString("id")).problem(403);
        owner.delete(MEMBERS + "/" + secondOwner.getString("id")).expect(204);
    }

    @Test
    void theLastOwnerCannotBeRemovedOrDemoted() {
        String adminId = owner.get("api/v1/me").expect(200).json().getString("id");
        long owners = owner.get(MEMBERS + "?size=500").expect(200).json().getJsonArray("items").stream()
                .filter(m -> m.asJsonObject().getString("orgRole").equals("OWNER")).count();
        assertEquals(1, owners, "the suite keeps one OWNER");
        owner.delete(MEMBERS + "/" + adminId).problem(409);
        owner.patch(MEMBERS + "/" + adminId, Json.createObjectBuilder().add("orgRole", "USER").build()).problem(409);
        assertEquals("OWNER", owner.get("api/v1/me").expect(200).json().getString("orgRole"));
    }

    @Test
    void deletingAMemberKeepsTheServiceAccountsItCreated() {
        String team = fixtures.team();
        var creator = fixtures.teamAdmin(team);
        var account = creator.api().post("api/v1/service-accounts", Json.createObjectBuilder()
                .add("identifier", unique("kept")).add("teamId", team).build()).expect(201).json();
        assertEquals(creator.username(), account.getJsonObject("createdBy").getString("name"));

        // The creator changes team: the account stays where it is.
        String otherTeam = fixtures.team();
        owner.delete("api/v1/teams/" + team + "/admins/" + creator.id()).expect(204);
        owner.put("api/v1/teams/" + otherTeam + "/admins/" + creator.id(), "").expect(200);
        owner.delete(MEMBERS + "/" + creator.id()).expect(204);

        var still = owner.get("api/v1/service-accounts/" + account.getString("id")).expect(200).json();
        assertEquals(team, still.getJsonObject("team").getString("id"));
        assertEquals(creator.username(), still.getJsonObject("createdBy").getString("name"));
    }
}
