package dev.serviceaccounts.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail exported for a SIEM: JSON lines or CSV, every matching event, oldest first. */
class AuditExportIT extends ApiIT {

    @Test
    void exportsEveryMatchingEventAsJsonLinesOrCsv() {
        var account = fixtures.serviceAccount(null);
        String id = account.getString("id");
        for (int i = 0; i < 3; i++) {
            owner.patch("api/v1/service-accounts/" + id, Json.createObjectBuilder().add("displayName", "Name, \"" + i + "\"").build())
                    .expect(200);
        }
        var listed = owner.get("api/v1/audit-events?targetId=" + id + "&size=500").expect(200).json();
        int total = listed.getInt("totalItems");
        assertEquals(4, total, listed.toString());

        var exporter = owner.withAccept("*/*"); // as curl asks
        var jsonl = exporter.get("api/v1/audit-events/export?targetId=" + id).expect(200);
        assertTrue(jsonl.contentType().startsWith("application/x-ndjson"), jsonl.contentType());
        var lines = jsonl.body().lines().toList();
        assertEquals(total, lines.size(), jsonl.body());
        var actions = lines.stream().map(line -> Json.createReader(new StringReader(line)).readObject().getString("action")).toList();
        assertEquals(List.of("SERVICE_ACCOUNT_CREATED", "SERVICE_ACCOUNT_UPDATED", "SERVICE_ACCOUNT_UPDATED", "SERVICE_ACCOUNT_UPDATED"),
                actions, "oldest first");

        var csv = exporter.get("api/v1/audit-events/export?format=csv&targetId=" + id).expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        var rows = csv.body().split("\r\n");
        assertEquals("id,occurredAt,actorKind,actorId,actorName,action,targetKind,targetId,targetName,teamId,sourceIp,details", rows[0]);
        assertEquals(total + 1, rows.length, csv.body());
        assertTrue(rows[1].contains("SERVICE_ACCOUNT_CREATED") && rows[1].contains(id), rows[1]);

        fixtures.member("USER").api().withAccept("*/*").get("api/v1/audit-events/export").problem(403);
        exporter.get("api/v1/audit-events/export?format=xml").problem(400);
        exporter.get("api/v1/audit-events/export?from=yesterday").problem(400);
        owner.get("api/v1/audit-events/export").problem(406); // JSON lines are not one JSON document
    }
}
