package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.Fixtures;
import dev.serviceaccounts.StandaloneServer;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * What an operator does: start the product on its embedded default database (an H2 file in the
 * server's data directory), create data, stop the server, start it again, find the data.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class RestartIT {

    private static final String PASSWORD = "restart-owner-password";

    @Test
    void dataSurvivesARestartOnTheDefaultH2Database() throws Exception {
        try (var server = new StandaloneServer("restart", Map.of("ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", PASSWORD))) {
            server.start();
            Api owner = Api.at(server.root()).as("admin", PASSWORD);
            String identifier = Fixtures.unique("survivor");
            String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier).build())
                    .expect(201).json().getString("id");
            var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", "{}").expect(201).json();
            for (int i = 0; i < 3; i++) {
                Api.at(server.root()).withAuthorization("Bearer " + issued.getString("secret")).get("api/v1/me").expect(200);
            }
            Thread.sleep(16_000); // last use and usage counts are written every 15 s; what a restart finds came from the database
            server.stop();
            assertTrue(Files.exists(server.base().resolve("data/service-accounts/db.mv.db")), "the H2 file lives in the data directory");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    server.base().resolve("data/service-accounts/server.key"))), "the generated server key is the server's only");

            server.start();
            assertEquals(identifier, owner.get("api/v1/service-accounts/" + id).expect(200).json().getString("identifier"));
            var history = owner.get("api/v1/audit-events?targetId=" + id).expect(200).json();
            assertEquals("CREDENTIAL_ISSUED", history.getJsonArray("items").getJsonObject(0).getString("action"));
            assertEquals(1, owner.get("api/v1/organization").expect(200).json().getInt("seats"),
                    "the second start found the organization and created no second OWNER");
            var credential = owner.get("api/v1/service-accounts/" + id + "/credentials").expect(200).array().getJsonObject(0);
            assertEquals("127.0.0.1", credential.getString("lastUsedIp"));
            var usage = owner.get("api/v1/service-accounts/" + id + "/usage?days=1").expect(200).json();
            assertEquals(3, usage.getInt("total"), "the flushed count of the three calls before the restart");
            Api.at(server.root()).withAuthorization("Bearer " + issued.getString("secret")).get("api/v1/me").expect(200);
        }
    }
}
