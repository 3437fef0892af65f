package dev.serviceaccounts.organization.boundary;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class OrganizationIT extends ApiIT {

    @Test
    void countsSeatsApartFromServiceAccounts() {
        var before = owner.get("api/v1/organization").expect(200).json();
        fixtures.serviceAccount(null);
        String disabled = fixtures.serviceAccount(null).getString("id");
        owner.post("api/v1/service-accounts/" + disabled + "/disable", "").expect(200);
        var after = owner.get("api/v1/organization").expect(200).json();
        assertEquals(before.getInt("seats"), after.getInt("seats"), "service accounts never count as seats");
        var accountsBefore = before.getJsonObject("serviceAccounts");
        var accountsAfter = after.getJsonObject("serviceAccounts");
        assertEquals(accountsBefore.getInt("total") + 2, accountsAfter.getInt("total"));
        assertEquals(accountsBefore.getInt("active") + 1, accountsAfter.getInt("active"));
        assertEquals(accountsBefore.getInt("disabled") + 1, accountsAfter.getInt("disabled"));

        fixtures.member("USER");
        assertEquals(after.getInt("seats") + 1, owner.get("api/v1/organization").expect(200).json().getInt("seats"));
    }

    @Test
    void isRenamedByItsAdmins() {
        String name = "Org " + unique("n");
        assertEquals(name, owner.patch("api/v1/organization", Json.createObjectBuilder().add("name", name).build())
                .expect(200).json().getString("name"));
        owner.patch("api/v1/organization", Json.createObjectBuilder().add("name", "").build()).problem(422);
        var unknown = owner.patch("api/v1/organization", Json.createObjectBuilder().add("seats", 1).build()).problem(400);
        assertEquals("/seats", unknown.getJsonArray("errors").getJsonObject(0).getString("pointer"), "the same 400 as a create's unknown field");
    }

    @Test
    void meDescribesTheCaller() {
        var me = owner.get("api/v1/me").expect(200).json();
        assertEquals("MEMBER", me.getString("kind"));
        assertEquals("admin", me.getString("name"));
        assertEquals("OWNER", me.getString("orgRole"));
        var user = fixtures.member("USER");
        var userMe = user.api().get("api/v1/me").expect(200).json();
        assertEquals(user.username(), userMe.getString("name"));
        assertEquals("USER", userMe.getString("orgRole"));
        assertTrue(userMe.getJsonArray("adminTeams").isEmpty());
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        var spec = anonymous.get("openapi?format=JSON").expect(200).json();
        var paths = spec.getJsonObject("paths");
        for (String path : new String[] {"/api/v1/service-accounts", "/api/v1/service-accounts/{id}",
                "/api/v1/service-accounts/{id}/roles", "/api/v1/service-accounts/{id}/disable",
                "/api/v1/teams/{id}/admins/{memberId}", "/api/v1/members/{id}", "/api/v1/audit-events",
                "/api/v1/organization", "/api/v1/me"}) {
            assertTrue(paths.containsKey(path), "OpenAPI documents " + path + ": " + paths.keySet());
        }
        assertEquals("basic", spec.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("basic").getString("scheme"));
    }
}
