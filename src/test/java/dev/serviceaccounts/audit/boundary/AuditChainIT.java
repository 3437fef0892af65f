package dev.serviceaccounts.audit.boundary;

import static dev.serviceaccounts.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The audit trail is a hash chain: concurrent writers leave it intact, and a row edited in the
 * database is named by the verification. (The H2 edit is in OperatorIT, on a stopped server: a
 * running H2 holds its file alone.)
 */
class AuditChainIT extends ApiIT {

    private static final String VERIFICATION = "api/v1/audit-events/verification";

    private JsonObject verify() {
        return owner.get(VERIFICATION).expect(200).json();
    }

    @Test
    void concurrentWritersLeaveAnIntactChain() throws Exception {
        long before = verify().getJsonNumber("headSequence").longValue();
        int writers = 8;
        int each = 10;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(writers);
        try {
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        owner.post("api/v1/teams", Json.createObjectBuilder().add("name", unique("chain")).build()).expect(201);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var verification = verify();
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertEquals(verification.getJsonNumber("headSequence").longValue(), verification.getJsonNumber("eventsChecked").longValue());
        assertTrue(verification.getJsonNumber("headSequence").longValue() >= before + writers * each,
                "every event of the " + writers * each + " concurrent creations is in the chain: " + verification);
        assertEquals(64, verification.getString("headHash").length());
    }

    @Test
    void onlyOrganizationAdministratorsVerify() {
        owner.get(VERIFICATION).expect(200);
        fixtures.member("ORG_ADMIN").api().get(VERIFICATION).expect(200);
        fixtures.member("USER").api().get(VERIFICATION).problem(403);
        fixtures.teamAdmin(fixtures.team()).api().get(VERIFICATION).problem(403);
        anonymous.get(VERIFICATION).problem(401);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
    void aRowEditedInTheDatabaseIsNamedAndTheChainHealsWhenItIsRestored() throws Exception {
        String team = unique("evidence");
        String teamId = owner.post("api/v1/teams", Json.createObjectBuilder().add("name", team).build()).expect(201).json().getString("id");
        assertTrue(verify().getBoolean("intact"));
        long eventId = owner.get("api/v1/audit-events?targetId=" + teamId).expect(200).json()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();

        try (var db = DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))) {
            try (var edit = db.prepareStatement("update audit_event set target_name = ? where id = ?")) {
                edit.setString(1, "someone-else");
                edit.setLong(2, eventId);
                assertEquals(1, edit.executeUpdate());
            }
            try {
                var broken = verify();
                assertFalse(broken.getBoolean("intact"), broken.toString());
                assertEquals(eventId, broken.getJsonNumber("brokenEventId").longValue(), broken.toString());
                assertEquals("its content does not match its hash", broken.getString("problem"));
            } finally {
                try (var restore = db.prepareStatement("update audit_event set target_name = ? where id = ?")) {
                    restore.setString(1, team);
                    restore.setLong(2, eventId);
                    restore.executeUpdate();
                }
            }
        }
        assertTrue(verify().getBoolean("intact"), "restored, the chain verifies again");
    }
}
