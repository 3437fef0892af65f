package dev.serviceaccounts.health.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.ServerClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expiring-credentials and idle-accounts reports: content, paging, CSV, and who sees what. */
class ReportsIT extends ApiIT {

    private static final String EXPIRING = "api/v1/reports/expiring-credentials";
    private static final String IDLE = "api/v1/reports/idle-accounts";

    private String credential(String accountId, int lifetimeDays) {
        return owner.post("api/v1/service-accounts/" + accountId + "/credentials",
                Json.createObjectBuilder().add("lifetimeDays", lifetimeDays).add("description", "lives " + lifetimeDays + " days").build())
                .expect(201).json().getString("keyId");
    }

    private static List<String> keyIds(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("keyId")).toList();
    }

    @Test
    void expiringCredentialsByTeamPagedAsCsvAndAsThePolicyAllows() {
        String teamA = fixtures.team();
        String teamB = fixtures.team();
        String a1 = fixtures.serviceAccount(teamA).getString("id");
        String a2 = fixtures.serviceAccount(teamB).getString("id");
        String a3 = fixtures.serviceAccount(teamA).getString("id");
        String soonest = credential(a1, 5);
        String soon = credential(a1, 7);
        String other = credential(a2, 5);
        credential(a3, 60);

        var page = owner.get(EXPIRING + "?days=10&teamId=" + teamA).expect(200).json();
        assertEquals(List.of(soonest, soon), keyIds(page), "soonest first; the 60-day credential and team B's are not there");
        var first = page.getJsonArray("items").getJsonObject(0);
        assertEquals(5, first.getInt("daysLeft"));
        assertEquals(a1, first.getString("accountId"));
        assertEquals("lives 5 days", first.getString("description"));
        var second = owner.get(EXPIRING + "?days=10&teamId=" + teamA + "&size=1&page=1").expect(200).json();
        assertEquals(List.of(soon), keyIds(second));
        assertEquals(2, second.getInt("totalItems"));
        assertEquals(2, second.getInt("totalPages"));
        assertEquals(List.of(soonest), keyIds(owner.get(EXPIRING + "?days=6&teamId=" + teamA).expect(200).json()));
        assertTrue(keyIds(owner.get(EXPIRING + "?days=10&size=500").expect(200).json()).containsAll(List.of(soonest, soon, other)));

        // CSV: every row, a header first, by the format parameter or the Accept header
        var csv = owner.get(EXPIRING + "?days=10&format=csv&teamId=" + teamA).expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        var lines = csv.body().split("\r\n");
        assertEquals("accountId,identifier,displayName,teamId,teamName,keyId,description,expiresAt,daysLeft", lines[0]);
        assertEquals(3, lines.length, csv.body());
        assertTrue(lines[1].contains(soonest) && lines[2].contains(soon), csv.body());
        assertTrue(owner.get(EXPIRING + "?days=10&teamId=" + teamA).expect(200).contentType().startsWith("application/json"),
                "JSON unless CSV is asked for");
        var viaAccept = owner.withAccept("text/csv").get(EXPIRING + "?days=10&teamId=" + teamA).expect(200);
        assertTrue(viaAccept.contentType().startsWith("text/csv") && viaAccept.body().contains(soonest), viaAccept.body());

        // the account list's visibility: a team administrator sees its team only; a USER nothing
        var teamAdmin = fixtures.teamAdmin(teamA).api();
        var seen = keyIds(teamAdmin.get(EXPIRING + "?days=10&size=500").expect(200).json());
        assertTrue(seen.containsAll(List.of(soonest, soon)) && !seen.contains(other), seen.toString());
        teamAdmin.get(EXPIRING + "?teamId=" + teamB).problem(403);
        fixtures.member("USER").api().get(EXPIRING).problem(403);

        for (String bad : List.of("days=0", "days=3651", "days=1.5", "teamId=nope", "format=xml", "size=0")) {
            owner.get(EXPIRING + "?" + bad).problem(400);
        }
    }

    @Test
    void idleAccountsAreThoseWithoutAnAuthenticationForTheDays() throws Exception {
        String team = fixtures.team();
        var unused = fixtures.serviceAccount(team);
        var used = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", dev.serviceaccounts.Fixtures.unique("used"))
                .add("teamId", team).add("credential", Json.createObjectBuilder().add("lifetimeDays", 365)).build()).expect(201).json();
        String usedId = used.getJsonObject("account").getString("id");
        var bearer = anonymous.withAuthorization("Bearer " + used.getJsonObject("credential").getString("secret"));
        var clock = new ServerClock();
        try {
            assertEquals(List.of(), identifiers(owner.get(IDLE + "?days=2&teamId=" + team).expect(200).json()), "new accounts are not idle");
            clock.advance(Duration.ofDays(3));
            var idle = owner.get(IDLE + "?days=2&teamId=" + team).expect(200).json();
            assertEquals(List.of(unused.getString("identifier"), used.getJsonObject("account").getString("identifier")).stream().sorted().toList(),
                    identifiers(idle));
            var row = idle.getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(i -> i.getString("accountId").equals(unused.getString("id"))).findFirst().orElseThrow();
            assertEquals(3, row.getInt("idleDays"));
            assertTrue(!row.containsKey("lastUsedAt") || row.isNull("lastUsedAt"), "never used");

            bearer.get("api/v1/me").expect(200); // recorded within 15 s
            Instant deadline = Instant.now().plusSeconds(60);
            List<String> still = identifiers(owner.get(IDLE + "?days=2&teamId=" + team).expect(200).json());
            while (still.size() > 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(1000);
                still = identifiers(owner.get(IDLE + "?days=2&teamId=" + team).expect(200).json());
            }
            assertEquals(List.of(unused.getString("identifier")), still, "an account used since is not idle");
            var csv = owner.get(IDLE + "?days=2&format=csv&teamId=" + team).expect(200).body().split("\r\n");
            assertEquals("accountId,identifier,displayName,teamId,teamName,createdAt,lastUsedAt,idleDays", csv[0]);
            assertEquals(2, csv.length);
            assertTrue(csv[1].startsWith(unused.getString("id") + ","), csv[1]);
            assertTrue(owner.get(IDLE + "?days=2&teamId=" + usedId.substring(0, 4)).status() == 400);
        } finally {
            clock.reset();
        }
    }

    private static List<String> identifiers(JsonObject page) {
        return page.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("identifier")).sorted().toList();
    }
}
