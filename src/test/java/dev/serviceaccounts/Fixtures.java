package dev.serviceaccounts;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/** Builds what a test needs through the API, as an OWNER would, with names no other test uses. */
public final class Fixtures {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password", "it-owner-password-1");
    public static final String PASSWORD = "correct-horse-battery-staple";

    private final Api owner;

    public Fixtures(Api anonymous) {
        this.owner = anonymous.as(ADMIN, ADMIN_PASSWORD);
    }

    public Api owner() {
        return owner;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String team() {
        return owner.post("api/v1/teams", Json.createObjectBuilder().add("name", unique("team")).build())
                .expect(201).json().getString("id");
    }

    /** A member with the given organization role; returns the API as that member. */
    public Member member(String orgRole) {
        String username = unique(orgRole.toLowerCase().replace('_', '-'));
        var created = owner.post("api/v1/members", Json.createObjectBuilder()
                .add("username", username).add("displayName", "Test " + username).add("email", username + "@example.com")
                .add("password", PASSWORD).add("orgRole", orgRole).build()).expect(201).json();
        return new Member(created.getString("id"), username, owner.as(username, PASSWORD));
    }

    public Member teamAdmin(String teamId) {
        var member = member("USER");
        owner.put("api/v1/teams/" + teamId + "/admins/" + member.id(), "").expect(200);
        return member;
    }

    /** A service account in the team, or at organization level when teamId is null. */
    public JsonObject serviceAccount(String teamId) {
        var body = Json.createObjectBuilder().add("identifier", unique("sa")).add("displayName", "Test account");
        if (teamId != null) {
            body.add("teamId", teamId);
        }
        return owner.post("api/v1/service-accounts", body.build()).expect(201).json();
    }

    public record Member(String id, String username, Api api) {
    }
}
