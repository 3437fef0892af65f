package dev.serviceaccounts.serviceaccount.boundary;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api.Reply;
import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ServiceAccountsIT extends ApiIT {

    private static final String ACCOUNTS = "api/v1/service-accounts";

    @Test
    void createsAnAccountWithItsFirstCredentialInOneCallShowingTheSecretOnce() {
        String identifier = unique("deployer");
        var created = owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", identifier)
                .add("credential", Json.createObjectBuilder().add("lifetimeDays", 30).add("description", "first")).build());
        created.expect(201);
        assertTrue(created.header("Cache-Control").contains("no-store"), "an answer holding a secret is never cached");
        var answer = created.json();
        String id = answer.getJsonObject("account").getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/service-accounts/" + id));
        assertEquals(identifier, answer.getJsonObject("account").getString("identifier"));
        String keyId = answer.getJsonObject("credential").getString("keyId");
        String secret = answer.getJsonObject("credential").getString("secret");
        anonymous.as(keyId, secret).get("api/v1/me").expect(200);

        // shown once: nothing the account or its credentials answer later holds it
        assertFalse(owner.get(ACCOUNTS + "/" + id).expect(200).body().contains(secret));
        var credentials = owner.get(ACCOUNTS + "/" + id + "/credentials").expect(200);
        assertFalse(credentials.body().contains(secret));
        assertEquals("first", credentials.array().getJsonObject(0).getString("description"));
    }

    @Test
    void aOneCallCreateWhoseCredentialIsRefusedLeavesNoAccount() {
        String identifier = unique("too-long-lived");
        var refused = owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", identifier)
                .add("credential", Json.createObjectBuilder().add("lifetimeDays", 3000)).build()).problem(422);
        assertFalse(refused.toString().contains("sas_"), "no secret in a refusal");
        assertEquals(0, owner.get(ACCOUNTS + "?q=" + identifier).expect(200).json().getInt("totalItems"), "no account was left behind");
        var malformed = owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", identifier)
                .add("credential", Json.createObjectBuilder().add("lifetimeDays", 1.5)).build()).problem(400);
        assertEquals("/credential/lifetimeDays", malformed.getJsonArray("errors").getJsonObject(0).getString("pointer"));
        assertEquals(0, owner.get(ACCOUNTS + "?q=" + identifier).expect(200).json().getInt("totalItems"));
        // the identifier is still free
        owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", identifier)
                .add("credential", Json.createObjectBuilder().add("lifetimeDays", 30)).build()).expect(201);
    }

    @Test
    void createsReadsListsRenamesDisablesEnablesAndDeletes() {
        String team = fixtures.team();
        String identifier = unique("ci-runner");
        var created = owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", identifier)
                .add("displayName", "CI runner").add("description", "Nightly builds").add("teamId", team).build());
        created.expect(201);
        var account = created.json();
        String id = account.getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/service-accounts/" + id));
        assertEquals("\"0\"", created.header("ETag"));
        assertEquals(identifier, account.getString("identifier"));
        assertEquals(team, account.getJsonObject("team").getString("id"));
        assertEquals("ACTIVE", account.getString("status"));
        assertFalse(account.getBoolean("globalAdmin"));
        assertEquals("admin", account.getJsonObject("createdBy").getString("name"));
        assertFalse(account.containsKey("password"), "a service account has no password");
        assertFalse(account.containsKey("email"), "a service account has no email");

        var read = owner.get(ACCOUNTS + "/" + id).expect(200);
        assertEquals(identifier, read.json().getString("identifier"));
        assertEquals("\"0\"", read.header("ETag"));

        var listed = owner.get(ACCOUNTS + "?team=" + team).expect(200).json();
        assertEquals(1, listed.getInt("totalItems"));
        assertEquals(id, listed.getJsonArray("items").getJsonObject(0).getString("id"));

        String renamed = unique("renamed");
        var patched = owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("identifier", renamed)
                .add("displayName", "Renamed").build(), "\"0\"").expect(200);
        assertEquals(renamed, patched.json().getString("identifier"));
        assertEquals("Renamed", patched.json().getString("displayName"));
        assertEquals("Nightly builds", patched.json().getString("description"), "a merge patch leaves other fields alone");
        assertEquals("\"1\"", patched.header("ETag"));

        assertEquals("DISABLED", owner.post(ACCOUNTS + "/" + id + "/disable", "").expect(200).json().getString("status"));
        assertEquals(1, owner.get(ACCOUNTS + "?status=DISABLED&q=" + renamed).expect(200).json().getInt("totalItems"));
        assertEquals("ACTIVE", owner.post(ACCOUNTS + "/" + id + "/enable", "").expect(200).json().getString("status"));

        owner.delete(ACCOUNTS + "/" + id).expect(204);
        owner.get(ACCOUNTS + "/" + id).problem(404);
        assertEquals(0, owner.get(ACCOUNTS + "?q=" + renamed).expect(200).json().getInt("totalItems"));
    }

    @Test
    void createsOrganizationLevelAccountsAndMovesThemBetweenTeams() {
        String team = fixtures.team();
        var account = fixtures.serviceAccount(null);
        String id = account.getString("id");
        assertFalse(account.containsKey("team"), "an organization-level account has no team");
        var orgLevel = owner.get(ACCOUNTS + "?team=none&q=" + account.getString("identifier")).expect(200).json();
        assertEquals(1, orgLevel.getInt("totalItems"));

        var moved = owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("teamId", team).build()).expect(200).json();
        assertEquals(team, moved.getJsonObject("team").getString("id"));
        var back = owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().addNull("teamId").build()).expect(200).json();
        assertFalse(back.containsKey("team"), "teamId null moves the account to organization level");
    }

    @Test
    void assignsRolesPerTeamAndTheGlobalAdminFlag() {
        String home = fixtures.team();
        String other = fixtures.team();
        String id = fixtures.serviceAccount(home).getString("id");
        var roles = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", home).add("role", "ADMIN"))
                .add(Json.createObjectBuilder().add("teamId", other).add("role", "VIEWER")).build();
        var updated = owner.put(ACCOUNTS + "/" + id + "/roles", roles).expect(200);
        assertEquals(2, updated.json().getJsonArray("roles").size());
        assertNotEquals("\"0\"", updated.header("ETag"), "a role change is a new version");
        var listed = owner.get(ACCOUNTS + "/" + id + "/roles").expect(200).array();
        assertEquals(2, listed.size());
        assertTrue(listed.stream().map(JsonValue::asJsonObject)
                .anyMatch(r -> r.getString("teamId").equals(home) && r.getString("role").equals("ADMIN")));

        var twice = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", home).add("role", "ADMIN"))
                .add(Json.createObjectBuilder().add("teamId", home).add("role", "VIEWER")).build();
        owner.put(ACCOUNTS + "/" + id + "/roles", twice).problem(422);
        var unknownTeam = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("teamId", java.util.UUID.randomUUID().toString()).add("role", "ADMIN")).build();
        owner.put(ACCOUNTS + "/" + id + "/roles", unknownTeam).problem(422);
        owner.put(ACCOUNTS + "/" + id + "/roles", Json.createArrayBuilder().build()).expect(200);
        assertEquals(0, owner.get(ACCOUNTS + "/" + id + "/roles").expect(200).array().size());

        assertTrue(owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("globalAdmin", true).build())
                .expect(200).json().getBoolean("globalAdmin"));
    }

    @Test
    void listFiltersByTextAndPages() {
        String team = fixtures.team();
        String stem = unique("pager");
        for (int i = 0; i < 5; i++) {
            owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", stem + "-" + i).add("teamId", team).build()).expect(201);
        }
        var first = owner.get(ACCOUNTS + "?team=" + team + "&size=2&page=0").expect(200).json();
        assertEquals(5, first.getInt("totalItems"));
        assertEquals(3, first.getInt("totalPages"));
        assertEquals(stem + "-0", first.getJsonArray("items").getJsonObject(0).getString("identifier"));
        var last = owner.get(ACCOUNTS + "?team=" + team + "&size=2&page=2").expect(200).json();
        assertEquals(List.of(stem + "-4"), last.getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("identifier")).toList());
        assertEquals(1, owner.get(ACCOUNTS + "?q=" + stem + "-3").expect(200).json().getInt("totalItems"));
        assertEquals(0, owner.get(ACCOUNTS + "?q=" + stem + "%25").expect(200).json().getInt("totalItems"),
                "a % in the search text is a character, not a wildcard");
    }

    @Test
    void listSortsByAnyColumnEitherWay() {
        String team = fixtures.team();
        String stem = unique("sorted");
        String[] names = {"Bravo", "alpha", "Charlie"};
        for (int i = 0; i < names.length; i++) {
            owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", stem + "-" + i).add("displayName", names[i])
                    .add("teamId", team).build()).expect(201);
        }
        owner.post(ACCOUNTS + "/" + owner.get(ACCOUNTS + "?team=" + team + "&q=" + stem + "-1").expect(200).json()
                .getJsonArray("items").getJsonObject(0).getString("id") + "/disable", "").expect(200);
        assertEquals(List.of(stem + "-2", stem + "-1", stem + "-0"), identifiers("&sort=-identifier", team));
        assertEquals(List.of(stem + "-0", stem + "-2", stem + "-1"), identifiers("&sort=displayName", team),
                "display names sort as the database collates them: upper case first here");
        assertEquals(List.of(stem + "-2", stem + "-1", stem + "-0"), identifiers("&sort=-createdAt", team));
        assertEquals(List.of(stem + "-0", stem + "-2", stem + "-1"), identifiers("&sort=status", team), "ACTIVE before DISABLED");
        owner.get(ACCOUNTS + "?sort=secret").problem(400);
        owner.get(ACCOUNTS + "?sort=--identifier").problem(400);
    }

    private List<String> identifiers(String query, String team) {
        return owner.get(ACCOUNTS + "?team=" + team + query).expect(200).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("identifier")).toList();
    }

    @Test
    void anIdentifierTakenByAnotherAccountIsAConflict() {
        var first = fixtures.serviceAccount(null);
        var second = fixtures.serviceAccount(null);
        owner.post(ACCOUNTS, Json.createObjectBuilder().add("identifier", first.getString("identifier")).build()).problem(409);
        owner.patch(ACCOUNTS + "/" + second.getString("id"),
                Json.createObjectBuilder().add("identifier", first.getString("identifier")).build()).problem(409);
        assertEquals(second.getString("identifier"),
                owner.get(ACCOUNTS + "/" + second.getString("id")).expect(200).json().getString("identifier"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = fixtures.serviceAccount(null).getString("id");
        owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("displayName", "first").build(), "\"0\"").expect(200);
        var stale = owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("displayName", "lost update").build(), "\"0\"");
        stale.problem(412);
        assertEquals("first", owner.get(ACCOUNTS + "/" + id).expect(200).json().getString("displayName"));
        owner.send("DELETE", ACCOUNTS + "/" + id, null, null, "\"0\"").problem(412);
        owner.send("POST", ACCOUNTS + "/" + id + "/disable", null, null, "\"0\"").problem(412);
        owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("displayName", "x").build(), "not-a-tag").problem(400);
    }

    @Test
    void hostileInputGetsAProblemDocumentAndChangesNothing() {
        long before = total();
        String team = fixtures.team();
        String huge = "a".repeat(1_000_000);
        record Case(String body, int status, String field) {
        }
        var cases = List.of(
                new Case("{\"identifier\":", 400, null),
                new Case("not json at all", 400, null),
                new Case("[1,2,3]", 400, null),
                new Case("", 400, null),
                new Case("{\"identifier\":12345}", 400, null),
                new Case("{\"identifier\":\"ok-id\",\"globalAdmin\":\"yes\"}", 400, null),
                new Case("{\"identifier\":\"ok-id\",\"bogus\":1}", 400, null),
                new Case("{\"identifier\":\"ok-id\",\"teamId\":\"not-a-uuid\"}", 400, null),
                new Case("{\"identifier\":\"Upper-Case\"}", 422, "identifier"),
                new Case("{\"identifier\":\"ab\"}", 422, "identifier"),
                new Case("{\"identifier\":\"" + "a".repeat(65) + "\"}", 422, "identifier"),
                new Case("{\"identifier\":\"has space\"}", 422, "identifier"),
                new Case("{\"identifier\":\"<script>alert(1)</script>\"}", 422, "identifier"),
                new Case("{\"displayName\":\"no identifier\"}", 422, "identifier"),
                new Case("{\"identifier\":\"ok-id\",\"description\":\"" + huge + "\"}", 400, null), // over the body limit
                new Case("{\"identifier\":\"ok-id\",\"description\":\"" + "a".repeat(5_000) + "\"}", 422, "description"),
                new Case("{\"identifier\":\"ok-id\",\"displayName\":\"" + "a".repeat(5_000) + "\"}", 422, "displayName"),
                new Case("{\"identifier\":\"ok-id\",\"teamId\":\"" + java.util.UUID.randomUUID() + "\"}", 422, "teamId"),
                new Case("{\"identifier\":\"ok-id\",\"roles\":[{\"teamId\":\"" + team + "\",\"role\":\"BOSS\"}]}", 400, null),
                new Case("{\"identifier\":\"ok-id\",\"roles\":[{\"role\":\"ADMIN\"}]}", 422, "roles[0].teamId"));
        for (var c : cases) {
            var reply = owner.send("POST", ACCOUNTS, c.body(), "application/json", null);
            var problem = reply.problem(c.status());
            assertFalse(reply.body().contains("Exception"), () -> "no internals in " + reply.body());
            assertFalse(reply.body().contains("at dev.") || reply.body().contains("at org."), "no stack trace");
            if (c.field() != null) {
                assertTrue(problem.getJsonArray("errors").stream()
                        .anyMatch(e -> e.asJsonObject().getString("field").equals(c.field())),
                        () -> "expected an error on " + c.field() + ": " + reply.body());
            }
        }
        owner.send("POST", ACCOUNTS, "{\"identifier\":\"ok-id\"}", "text/plain", null).problem(415);
        owner.get(ACCOUNTS + "/not-a-uuid").problem(404);
        owner.get(ACCOUNTS + "/" + java.util.UUID.randomUUID()).problem(404);
        owner.get(ACCOUNTS + "?page=abc").problem(400);
        owner.get(ACCOUNTS + "?size=100000").problem(400);
        owner.get(ACCOUNTS + "?status=SLEEPING").problem(400);
        owner.get(ACCOUNTS + "?team=nope").problem(400);
        owner.send("PUT", ACCOUNTS, null, null, null).problem(405);

        String id = fixtures.serviceAccount(null).getString("id");
        for (String patch : List.of("{bad", "[]", "{\"identifer\":\"typo\"}", "{\"globalAdmin\":\"yes\"}",
                "{\"teamId\":\"zz\"}", "{\"identifier\":\"NO\"}", "{\"description\":\"" + huge + "\"}")) {
            var reply = owner.send("PATCH", ACCOUNTS + "/" + id, patch, "application/merge-patch+json", null);
            assertTrue(reply.status() == 400 || reply.status() == 422, () -> patch + " answered " + reply.status());
            reply.problem(reply.status());
        }
        assertEquals("\"0\"", owner.get(ACCOUNTS + "/" + id).expect(200).header("ETag"), "no rejected patch changed it");
        assertEquals(before + 1, total(), "only the one valid create added an account");
    }

    @Test
    void twoConcurrentCreatesOfOneIdentifierLeaveOneAccountAndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String identifier = unique("race");
            var body = Json.createObjectBuilder().add("identifier", identifier).build();
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            try {
                var replies = new ArrayList<Future<Reply>>();
                for (int i = 0; i < 2; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return owner.post(ACCOUNTS, body);
                    }));
                }
                start.countDown();
                var statuses = new ArrayList<Integer>();
                for (var reply : replies) {
                    statuses.add(reply.get().status());
                }
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdown();
            }
            assertEquals(1, owner.get(ACCOUNTS + "?q=" + identifier).expect(200).json().getInt("totalItems"));
        }
    }

    @Test
    void concurrentUpdatesWithTheSameVersionLetOnlyOneWin() throws Exception {
        String id = fixtures.serviceAccount(null).getString("id");
        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        try {
            var replies = new ArrayList<Future<Reply>>();
            for (int i = 0; i < 4; i++) {
                String name = "writer-" + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return owner.patch(ACCOUNTS + "/" + id, Json.createObjectBuilder().add("displayName", name).build(), "\"0\"");
                }));
            }
            start.countDown();
            int won = 0;
            for (var reply : replies) {
                int status = reply.get().status();
                assertTrue(status == 200 || status == 412 || status == 409, "status " + status);
                won += status == 200 ? 1 : 0;
            }
            assertEquals(1, won, "exactly one writer of version 0 wins");
        } finally {
            pool.shutdown();
        }
        assertEquals("\"1\"", owner.get(ACCOUNTS + "/" + id).expect(200).header("ETag"));
    }

    @Test
    void everyRequestNeedsValidCredentials() {
        for (var api : List.of(anonymous, anonymous.as("admin", "wrong-password"), anonymous.as("nobody", "x"),
                anonymous.withAuthorization("Basic !!!"), anonymous.withAuthorization("Bearer nonsense"))) {
            var reply = api.get(ACCOUNTS);
            reply.problem(401);
            assertNotNull(reply.header("WWW-Authenticate"));
        }
        anonymous.get("api/v1/no-such-thing").problem(401);
    }

    private long total() {
        return owner.get(ACCOUNTS + "?size=1").expect(200).json().getJsonNumber("totalItems").longValue();
    }
}
