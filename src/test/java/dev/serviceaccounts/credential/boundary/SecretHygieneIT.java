package dev.serviceaccounts.credential.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * Every secret issued here (credential secrets and JWTs), used in every way the product offers,
 * must appear nowhere but in the answers that issued them: not in the console, not in the server
 * log, not in a dump of the database, which holds the audit table.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class SecretHygieneIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PASSWORD = "hygiene-owner-password";

    private final List<String> secrets = new ArrayList<>();

    private JsonObject kept(JsonObject issued) {
        secrets.add(issued.getString("secret"));
        return issued;
    }

    @Test
    void noIssuedSecretAppearsInTheLogsOrADatabaseDump() throws Exception {
        List<String> keyIds = new ArrayList<>();
        Path base;
        try (var server = new StandaloneServer("hygiene", Map.of("ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", PASSWORD))) {
            base = server.base();
            server.start();
            Api anonymous = Api.at(server.root());
            Api owner = anonymous.as("admin", PASSWORD);
            String team = owner.post("api/v1/teams", Json.createObjectBuilder().add("name", "hygiene").build()).expect(201).json().getString("id");
            String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "hygiene-ci")
                    .add("teamId", team).build()).expect(201).json().getString("id");
            String introspectorId = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "hygiene-gate")
                    .add("introspector", true).build()).expect(201).json().getString("id");
            String credentials = "api/v1/service-accounts/" + id + "/credentials";

            var first = kept(owner.post(credentials, "{}").expect(201).json());
            var second = kept(owner.post(credentials, "{\"lifetimeDays\":5}").expect(201).json());
            var gate = kept(owner.post("api/v1/service-accounts/" + introspectorId + "/credentials", "{}").expect(201).json());
            keyIds.add(first.getString("keyId"));

            Api basic = anonymous.as(first.getString("keyId"), first.getString("secret"));
            Api bearer = anonymous.withAuthorization("Bearer " + first.getString("secret"));
            basic.get("api/v1/me").expect(200);
            bearer.get("api/v1/me").expect(200);
            anonymous.as(first.getString("keyId"), second.getString("secret")).get("api/v1/me").expect(401);

            for (Api client : List.of(basic, anonymous)) {
                String form = client == basic ? "grant_type=client_credentials"
                        : "grant_type=client_credentials&client_id=" + first.getString("keyId") + "&client_secret=" + first.getString("secret");
                String jwt = client.send("POST", "oauth2/token", form, FORM, null).expect(200).json().getString("access_token");
                secrets.add(jwt);
                anonymous.withAuthorization("Bearer " + jwt).get("api/v1/me").expect(200);
                Api introspector = anonymous.as(gate.getString("keyId"), gate.getString("secret"));
                assertTrue(introspector.send("POST", "oauth2/introspect", "token=" + jwt, FORM, null).expect(200).json().getBoolean("active"));
                introspector.send("POST", "oauth2/introspect", "token=" + first.getString("secret"), FORM, null).expect(200);
            }

            // A secret pasted where it does not belong is refused without being echoed.
            var misplaced = owner.post("api/v1/service-accounts", Json.createObjectBuilder()
                    .add("identifier", first.getString("secret")).build());
            misplaced.problem(422);
            assertFalse(misplaced.body().contains(first.getString("secret")));

            var rotated = kept(owner.post(credentials + "/" + first.getString("keyId") + "/rotate",
                    "{\"gracePeriodSeconds\":60}").expect(201).json());
            var own = anonymous.withAuthorization("Bearer " + second.getString("secret"))
                    .post("api/v1/me/credentials/rotate", "{}").expect(200).json();
            secrets.add(own.getString("secret"));
            owner.post(credentials + "/" + rotated.getString("keyId") + "/revoke", "{\"reason\":\"test\"}").expect(200);
            anonymous.withAuthorization("Bearer " + rotated.getString("secret")).get("api/v1/me").expect(401);
            anonymous.withAuthorization("Bearer " + second.getString("secret")).get("api/v1/me").expect(401);
            owner.post("api/v1/organization/signing-keys/rotate", "").expect(200);
            owner.get("api/v1/audit-events?size=500").expect(200);
            server.stop();
        }

        assertTrue(secrets.size() >= 7, "secrets collected: " + secrets.size());
        var places = new ArrayList<Path>();
        places.add(base.resolve("console.log"));
        try (Stream<Path> logs = Files.list(base.resolve("log"))) {
            logs.forEach(places::add);
        }
        for (Path place : places) {
            String text = Files.readString(place);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret appears in " + place);
            }
        }

        String dump = dump(base.resolve("data/service-accounts/db"));
        assertTrue(dump.contains(keyIds.get(0)), "the dump holds the credentials (by key id)");
        assertTrue(dump.contains("AUTHENTICATION_FAILED") && dump.contains("CREDENTIAL_ROTATED"), "the dump holds the audit trail");
        for (String secret : secrets) {
            assertFalse(dump.contains(secret), "a secret appears in the database dump");
            assertFalse(dump.contains(secret.substring(4, 40)), "part of a secret appears in the database dump");
        }
        assertFalse(dump.contains("\"d\":\""), "no signing key's private part is stored in clear");
    }

    private static String dump(Path database) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "sa");
             var statement = connection.createStatement();
             var lines = statement.executeQuery("SCRIPT")) {
            var dump = new StringBuilder();
            while (lines.next()) {
                dump.append(lines.getString(1)).append('\n');
            }
            return dump.toString();
        }
    }
}
