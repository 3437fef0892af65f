package dev.serviceaccounts.credential.boundary;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.ServerClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialsIT extends ApiIT {

    private String path(String account) {
        return "api/v1/service-accounts/" + account + "/credentials";
    }

    /** Issues a credential as the OWNER; answers {keyId, secret, credential}. */
    private JsonObject issue(String account, JsonObject request) {
        var reply = owner.post(path(account), request).expect(201);
        assertTrue(reply.header("Cache-Control").contains("no-store"), "a secret is never cached");
        return reply.json();
    }

    private Api basic(JsonObject issued) {
        return anonymous.as(issued.getString("keyId"), issued.getString("secret"));
    }

    private Api bearer(JsonObject issued) {
        return anonymous.withAuthorization("Bearer " + issued.getString("secret"));
    }

    private void works(JsonObject issued) {
        basic(issued).get("api/v1/me").expect(200);
        bearer(issued).get("api/v1/me").expect(200);
    }

    private void refused(JsonObject issued) {
        for (Api api : List.of(basic(issued), bearer(issued))) {
            var reply = api.get("api/v1/me");
            reply.problem(401);
            assertTrue(reply.headers().allValues("WWW-Authenticate").contains(
                    "Bearer realm=\"service-accounts\", error=\"invalid_token\""), reply.headers().toString());
        }
    }

    @AfterEach
    void realTime() throws Exception {
        new ServerClock().reset();
    }

    @Test
    void anIssuedSecretAuthenticatesByBasicAndBearerAndIsNeverShownAgain() {
        var account = fixtures.serviceAccount(null);
        var issued = issue(account.getString("id"), JsonValue.EMPTY_JSON_OBJECT);
        String secret = issued.getString("secret");
        assertTrue(secret.matches("sas_[0-9A-Za-z]{65}"), secret);
        assertTrue(secret.startsWith(issued.getJsonObject("credential").getString("secretPrefix")));

        var me = basic(issued).get("api/v1/me").expect(200);
        assertEquals("SERVICE_ACCOUNT", me.json().getString("kind"));
        assertEquals(account.getString("identifier"), me.json().getString("name"));
        assertNull(me.header("Set-Cookie"), "a service account never gets a session");
        assertEquals(account.getString("id"), bearer(issued).get("api/v1/me").expect(200).json().getString("id"));

        var listed = owner.get(path(account.getString("id"))).expect(200);
        assertFalse(listed.body().contains(secret), "the secret is never shown again");
        var credential = listed.array().getJsonObject(0);
        assertEquals(issued.getString("keyId"), credential.getString("keyId"));
        assertEquals("ACTIVE", credential.getString("state"));
        assertEquals("127.0.0.1", credential.getString("lastUsedIp"));
        assertFalse(owner.get("api/v1/audit-events?targetId=" + account.getString("id")).body().contains(secret));
    }

    @Test
    void everyRefusalLooksTheSameAndTheAuditTrailKnowsWhy() {
        var account = fixtures.serviceAccount(null);
        String id = account.getString("id");
        var issued = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        String keyId = issued.getString("keyId");
        var other = issue(fixtures.serviceAccount(null).getString("id"), JsonValue.EMPTY_JSON_OBJECT);

        var wrongSecret = anonymous.as(keyId, other.getString("secret")).get("api/v1/me").problem(401);
        for (int i = 0; i < 3; i++) {
            anonymous.as(keyId, other.getString("secret")).get("api/v1/me").problem(401); // a client retrying in a loop
        }
        var unknownKey = anonymous.as("sak_0000000000000000", issued.getString("secret")).get("api/v1/me").problem(401);
        var mistyped = anonymous.withAuthorization("Bearer " + issued.getString("secret").replace('a', 'b') + "x")
                .get("api/v1/me").problem(401);
        owner.post("api/v1/service-accounts/" + id + "/disable", "").expect(200);
        var disabled = basic(issued).get("api/v1/me").problem(401);
        assertEquals(wrongSecret, unknownKey);
        assertEquals(wrongSecret, mistyped);
        assertEquals(wrongSecret, disabled);

        var reasons = owner.get("api/v1/audit-events?action=AUTHENTICATION_FAILED&targetId=" + id).expect(200).json()
                .getJsonArray("items").stream().map(e -> e.asJsonObject().getJsonObject("details").getString("reason"))
                .toList();
        assertEquals(Set.of("WRONG_SECRET", "ACCOUNT_DISABLED"), Set.copyOf(reasons));
        assertEquals(2, reasons.size(), "four wrong secrets within a minute make one event, not four: " + reasons);
    }

    @Test
    void revocationBitesOnTheVeryNextRequest() {
        String id = fixtures.serviceAccount(null).getString("id");
        var issued = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        works(issued);
        var revoked = owner.post(path(id) + "/" + issued.getString("keyId") + "/revoke",
                Json.createObjectBuilder().add("reason", "leaked in a build log").build()).expect(200).json();
        assertEquals("REVOKED", revoked.getString("state"));
        assertEquals("leaked in a build log", revoked.getString("revokeReason"));
        refused(issued);
    }

    @Test
    void rotationWithoutGraceStopsTheOldSecretAtOnce() {
        String id = fixtures.serviceAccount(null).getString("id");
        var old = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        var rotated = owner.post(path(id) + "/" + old.getString("keyId") + "/rotate", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        assertEquals(old.getString("keyId"), rotated.getString("replacedKeyId"));
        refused(old);
        works(rotated);
    }

    @Test
    void rotationWithAGracePeriodKeepsBothWorkingUntilItEnds() throws Exception {
        String id = fixtures.serviceAccount(null).getString("id");
        var old = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        var rotated = owner.post(path(id) + "/" + old.getString("keyId") + "/rotate",
                Json.createObjectBuilder().add("gracePeriodSeconds", 3600).build()).expect(201).json();
        works(old);
        works(rotated);
        new ServerClock().advance(Duration.ofMinutes(61));
        refused(old);
        works(rotated);
        owner.post(path(id) + "/" + rotated.getString("keyId") + "/rotate",
                Json.createObjectBuilder().add("gracePeriodSeconds", 604_801).build()).problem(422);
    }

    @Test
    void credentialsExpireAfterTheirLifetime() throws Exception {
        String id = fixtures.serviceAccount(null).getString("id");
        var shortLived = issue(id, Json.createObjectBuilder().add("lifetimeDays", 1).build());
        var defaultLived = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        works(shortLived);
        var clock = new ServerClock();
        clock.advance(Duration.ofDays(2));
        refused(shortLived);
        works(defaultLived);
        clock.advance(Duration.ofDays(91));
        refused(defaultLived);
        var states = owner.get(path(id)).expect(200).array().stream().map(c -> c.asJsonObject().getString("state")).toList();
        assertEquals(List.of("EXPIRED", "EXPIRED"), states);
    }

    @Test
    void disablingRejectsEveryCredentialAndEnablingRestoresTheUnexpiredOnes() {
        String id = fixtures.serviceAccount(null).getString("id");
        var first = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        var second = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        owner.post("api/v1/service-accounts/" + id + "/disable", "").expect(200);
        refused(first);
        refused(second);
        owner.post("api/v1/service-accounts/" + id + "/enable", "").expect(200);
        works(first);
        works(second);
        owner.delete("api/v1/service-accounts/" + id).expect(204);
        refused(first);
        refused(second);
    }

    @Test
    void anAccountRotatesItsOwnKeyAuthenticatedByThatKey() {
        String id = fixtures.serviceAccount(null).getString("id");
        var old = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        var reply = bearer(old).post("api/v1/me/credentials/rotate", "{}").expect(200);
        var rotation = reply.json();
        assertEquals(old.getString("keyId"), rotation.getString("oldKeyId"));
        assertTrue(rotation.getString("secret").startsWith("sas_"));
        refused(old);
        var fresh = Json.createObjectBuilder().add("keyId", rotation.getString("newKeyId"))
                .add("secret", rotation.getString("secret")).build();
        works(fresh);
        owner.post("api/v1/me/credentials/rotate", "{}").problem(403);
        var events = owner.get("api/v1/audit-events?action=CREDENTIAL_ROTATED&targetId=" + id).expect(200).json().getJsonArray("items");
        assertEquals("SERVICE_ACCOUNT", events.getJsonObject(0).getJsonObject("actor").getString("kind"));
    }

    @Test
    void anAccountActsThroughItsRolesAndWithoutOneMayOnlyAskWhoItIs() {
        String team = fixtures.team();
        var account = fixtures.serviceAccount(team);
        String id = account.getString("id");
        var issued = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        basic(issued).get("api/v1/me").expect(200);
        basic(issued).get("api/v1/service-accounts").problem(403);

        owner.put("api/v1/service-accounts/" + id + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", team).add("role", "VIEWER")).build()).expect(200);
        basic(issued).get("api/v1/service-accounts?team=" + team).expect(200);
        basic(issued).post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique("x"))
                .add("teamId", team).build()).problem(403);

        owner.put("api/v1/service-accounts/" + id + "/roles", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", team).add("role", "ADMIN")).build()).expect(200);
        var created = basic(issued).post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", unique("made-by-sa"))
                .add("teamId", team).build()).expect(201).json();
        assertEquals(account.getString("identifier"), created.getJsonObject("createdBy").getString("name"));
        basic(issued).post("api/v1/teams", Json.createObjectBuilder().add("name", unique("t")).build()).problem(403);

        owner.patch("api/v1/service-accounts/" + id, Json.createObjectBuilder().add("globalAdmin", true).build()).expect(200);
        basic(issued).post("api/v1/teams", Json.createObjectBuilder().add("name", unique("t")).build()).expect(201);
    }

    @Test
    void theOrganizationPolicyBoundsLifetimesAndActiveCredentials() {
        String id = fixtures.serviceAccount(null).getString("id");
        owner.post(path(id), Json.createObjectBuilder().add("lifetimeDays", 366).build()).problem(422);
        owner.post(path(id), Json.createObjectBuilder().add("lifetimeDays", 0).build()).problem(422);
        issue(id, JsonValue.EMPTY_JSON_OBJECT);
        issue(id, JsonValue.EMPTY_JSON_OBJECT);
        owner.post(path(id), JsonValue.EMPTY_JSON_OBJECT).problem(409);

        var policy = owner.get("api/v1/organization/credential-policy").expect(200).json();
        assertEquals(2, policy.getInt("maxActiveCredentials"));
        var permissive = Json.createObjectBuilder(policy).add("allowNonExpiring", true).add("maxActiveCredentials", 3).build();
        try {
            owner.put("api/v1/organization/credential-policy", permissive).expect(200);
            var forever = issue(id, Json.createObjectBuilder().add("lifetimeDays", 0).build());
            assertFalse(forever.getJsonObject("credential").containsKey("expiresAt"));
            owner.put("api/v1/organization/credential-policy", Json.createObjectBuilder(policy)
                    .add("defaultLifetimeDays", 400).build()).problem(422);
            fixtures.member("USER").api().put("api/v1/organization/credential-policy", permissive).problem(403);
        } finally {
            owner.put("api/v1/organization/credential-policy", policy).expect(200);
        }
    }

    @Test
    void aTeamAdminManagesCredentialsOfItsTeamOnly() {
        String mine = fixtures.team();
        var teamAdmin = fixtures.teamAdmin(mine).api();
        String inMine = fixtures.serviceAccount(mine).getString("id");
        String elsewhere = fixtures.serviceAccount(fixtures.team()).getString("id");
        teamAdmin.post(path(inMine), JsonValue.EMPTY_JSON_OBJECT).expect(201);
        teamAdmin.post(path(elsewhere), JsonValue.EMPTY_JSON_OBJECT).problem(403);
        teamAdmin.get(path(elsewhere)).problem(403);
        fixtures.member("USER").api().get(path(inMine)).problem(403);
        owner.post(path(inMine) + "/sak_0000000000000000/revoke", "{}").problem(404);
    }

    @Test
    void twentyConcurrentRotationsLeaveAtMostTheAllowedActiveCredentials() throws Exception {
        String id = fixtures.serviceAccount(null).getString("id");
        var first = issue(id, JsonValue.EMPTY_JSON_OBJECT);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(20);
        int succeeded = 0;
        try {
            var replies = new ArrayList<Future<Api.Reply>>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return owner.post(path(id) + "/" + first.getString("keyId") + "/rotate",
                            Json.createObjectBuilder().add("gracePeriodSeconds", 600).build());
                }));
            }
            start.countDown();
            for (var reply : replies) {
                int status = reply.get().status();
                assertTrue(status == 201 || status == 409, "status " + status);
                succeeded += status == 201 ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, succeeded, "one rotation wins; the others find the key already rotated");
        long active = owner.get(path(id)).expect(200).array().stream()
                .filter(c -> c.asJsonObject().getString("state").equals("ACTIVE") && !c.asJsonObject().containsKey("revokedAt"))
                .count();
        assertTrue(active <= 2, active + " active credentials");
        var events = owner.get("api/v1/audit-events?size=100&action=CREDENTIAL_ROTATED&targetId=" + id).expect(200).json();
        assertEquals(succeeded, events.getInt("totalItems"), "one audit event per successful rotation");
    }

    @Test
    void everyAuthenticationCountsInTheAccountsDailyUsage() {
        String team = fixtures.team();
        var account = fixtures.serviceAccount(team);
        String id = account.getString("id");
        var issued = issue(id, Json.createObjectBuilder().build());
        var empty = owner.get("api/v1/service-accounts/" + id + "/usage").expect(200).json();
        assertEquals(30, empty.getJsonArray("days").size());
        assertEquals(0, empty.getInt("total"));

        works(issued); // Basic and Bearer
        bearer(issued).get("api/v1/me").expect(200);
        basic(issued).send("POST", "oauth2/token", "grant_type=client_credentials", "application/x-www-form-urlencoded", null).expect(200);
        anonymous.withAuthorization("Bearer " + issued.getString("secret") + "x").get("api/v1/me").expect(401); // refused: not counted

        var usage = owner.get("api/v1/service-accounts/" + id + "/usage?days=7").expect(200).json();
        assertEquals(7, usage.getJsonArray("days").size());
        var today = usage.getJsonArray("days").getJsonObject(6);
        assertEquals(usage.getString("to"), today.getString("date"));
        assertEquals(4, today.getInt("authentications"));
        assertEquals(4, usage.getInt("total"));

        owner.get("api/v1/service-accounts/" + id + "/usage?days=0").problem(400);
        owner.get("api/v1/service-accounts/" + id + "/usage?days=91").problem(400);
        fixtures.teamAdmin(fixtures.team()).api().get("api/v1/service-accounts/" + id + "/usage").problem(403);
        fixtures.teamAdmin(team).api().get("api/v1/service-accounts/" + id + "/usage").expect(200);
    }
}
