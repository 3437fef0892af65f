package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.Fixtures;
import dev.serviceaccounts.StandaloneServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * What an operator does with the product on its embedded default database (an H2 file in the
 * server's data directory): a first start without a password, a day's use of every kind of
 * secret, a restart, and a look at the logs and a dump of the database afterwards. One server
 * started twice (starting is the slow part); the steps run in order, each on what the last left.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorIT {

    private static final Pattern GENERATED = Pattern.compile(
            "created the OWNER 'owner' with the generated password\\s+(\\S+)");
    private static final String FORM = "application/x-www-form-urlencoded";

    private StandaloneServer server;
    private String survivorId;
    private String survivorSecret;
    /** DATA_DIR: outside the server's folder, as an operator keeps it out of the build's. */
    private Path data;
    private String password;
    private Api anonymous;
    private Api owner;
    /** Every secret and JWT issued here: none may be found in a log or in the database. */
    private final List<String> secrets = new ArrayList<>();
    /** A credential issued below, to be found (by its key id only) in the database dump. */
    private String keyId;

    @BeforeAll
    void firstStart() throws Exception {
        data = Path.of(System.getProperty("it.work"), "operator-data-" + System.currentTimeMillis());
        server = new StandaloneServer("operator", Map.of("ADMIN_USERNAME", "owner", "ORGANIZATION_NAME", "Acme",
                "DATA_DIR", data.toString()));
        server.start();
        var matcher = GENERATED.matcher(Files.readString(log()));
        assertTrue(matcher.find(), "the generated password is in the log");
        password = matcher.group(1);
        anonymous = Api.at(server.root());
        owner = anonymous.as("owner", password);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private Path log() {
        return server.base().resolve("log/server.log");
    }

    private JsonObject kept(JsonObject issued) {
        secrets.add(issued.getString("secret"));
        return issued;
    }

    @Test
    @Order(1)
    void withoutAConfiguredPasswordOneIsGeneratedAndLogged() {
        assertTrue(password.length() >= 20, "a long random password");
        assertEquals("OWNER", owner.get("api/v1/me").expect(200).json().getString("orgRole"));
        assertEquals("Acme", owner.get("api/v1/organization").expect(200).json().getString("name"));
    }

    @Test
    @Order(2)
    void readinessCoversTheDatabaseItsSchemaAndTheSigningKey() {
        var health = Api.at(server.management()).get("health/ready").expect(200).json();
        assertEquals("UP", health.getString("status"));
        var checks = new java.util.HashMap<String, JsonObject>();
        health.getJsonArray("checks").getValuesAs(JsonObject.class).forEach(check -> checks.put(check.getString("name"), check));
        assertEquals("UP", checks.get("database").getString("status"), health.toString());
        var schema = checks.get("database").getJsonObject("data");
        assertEquals(schema.getString("expected"), schema.getString("schema"));
        assertTrue(schema.getString("schema").matches("\\d+"), "the schema version: " + schema);
        assertEquals("UP", checks.get("signing-key").getString("status"), health.toString());
        assertEquals("UP", checks.get("cluster").getString("status"), health.toString());
        assertEquals("UP", Api.at(server.management()).get("health/live").expect(200).json().getString("status"));
    }

    @Test
    @Order(3)
    void everyKindOfSecretIsIssuedAndUsed() {
        String team = owner.post("api/v1/teams", Json.createObjectBuilder().add("name", "hygiene").build()).expect(201).json().getString("id");
        String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "hygiene-ci")
                .add("teamId", team).build()).expect(201).json().getString("id");
        String introspectorId = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "hygiene-gate")
                .add("introspector", true).build()).expect(201).json().getString("id");
        String credentials = "api/v1/service-accounts/" + id + "/credentials";

        var first = kept(owner.post(credentials, "{}").expect(201).json());
        var second = kept(owner.post(credentials, "{\"lifetimeDays\":5}").expect(201).json());
        var gate = kept(owner.post("api/v1/service-accounts/" + introspectorId + "/credentials", "{}").expect(201).json());
        keyId = first.getString("keyId");

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
    }

    @Test
    @Order(4)
    void dataSurvivesARestart() throws Exception {
        String identifier = Fixtures.unique("survivor");
        String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier).build())
                .expect(201).json().getString("id");
        var issued = kept(owner.post("api/v1/service-accounts/" + id + "/credentials", "{}").expect(201).json());
        survivorId = id;
        survivorSecret = issued.getString("secret");
        Api caller = anonymous.withAuthorization("Bearer " + issued.getString("secret"));
        for (int i = 0; i < 3; i++) {
            caller.get("api/v1/me").expect(200);
        }
        Thread.sleep(16_000); // last use and usage counts are written every 15 s; what a restart finds came from the database
        server.stop();
        assertTrue(Files.exists(data.resolve("service-accounts/db.mv.db")), "the H2 file lives in DATA_DIR");
        assertFalse(Files.exists(server.base().resolve("data/service-accounts/db.mv.db")), "nothing in the server's own data directory");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve("service-accounts/server.key"))), "the generated server key is the server's only");

        server.start();
        var generated = GENERATED.matcher(Files.readString(log()));
        assertTrue(generated.find());
        assertFalse(generated.find(), "the password is logged on the first start only");
        assertEquals(identifier, owner.get("api/v1/service-accounts/" + id).expect(200).json().getString("identifier"));
        var history = owner.get("api/v1/audit-events?targetId=" + id).expect(200).json();
        assertEquals("CREDENTIAL_ISSUED", history.getJsonArray("items").getJsonObject(0).getString("action"));
        assertEquals(1, owner.get("api/v1/organization").expect(200).json().getInt("seats"),
                "the second start found the organization and created no second OWNER");
        var credential = owner.get("api/v1/service-accounts/" + id + "/credentials").expect(200).array().getJsonObject(0);
        assertEquals("127.0.0.1", credential.getString("lastUsedIp"));
        var usage = owner.get("api/v1/service-accounts/" + id + "/usage?days=1").expect(200).json();
        assertEquals(3, usage.getInt("total"), "the flushed count of the three calls before the restart");
        caller.get("api/v1/me").expect(200);
    }

    @Test
    @Order(5)
    void anAuditRowEditedInTheDatabaseWhileTheServerIsDownIsNamedByTheVerification() throws Exception {
        String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", Fixtures.unique("witness")).build())
                .expect(201).json().getString("id");
        var intact = owner.get("api/v1/audit-events/verification").expect(200).json();
        assertTrue(intact.getBoolean("intact"), intact.toString());
        long eventId = owner.get("api/v1/audit-events?targetId=" + id).expect(200).json()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        server.stop();
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("service-accounts/db"), "sa", "sa");
             var edit = connection.prepareStatement("update audit_event set actor_name = 'nobody' where id = ?")) {
            edit.setLong(1, eventId);
            assertEquals(1, edit.executeUpdate());
            connection.createStatement().execute("SHUTDOWN"); // else this JVM keeps the file (and its lock) open
        }
        server.start();
        var broken = owner.get("api/v1/audit-events/verification").expect(200).json();
        assertFalse(broken.getBoolean("intact"), broken.toString());
        assertEquals(eventId, broken.getJsonNumber("brokenEventId").longValue(), broken.toString());
    }

    @Test
    @Order(6)
    void aMissingServerKeyIsNeverReplacedWhileTheDatabaseHoldsWhatItProtects() throws Exception {
        server.stop();
        Path key = data.resolve("service-accounts/server.key");
        Path aside = data.resolve("server.key.aside");
        Files.move(key, aside);
        String console = server.startWithFailedDeployment();
        assertTrue(console.contains("The server key " + key + " is missing, but the database already holds"),
                "the log says what is missing and why the server will not go on");
        assertTrue(console.contains("restore server.key from your backup"), "and what to do");
        assertFalse(Files.exists(key), "no new key was generated");
        assertEquals(404, anonymous.get("api/v1/me").status(), "the product is not deployed");
        server.stop();

        Files.move(aside, key);
        server.start();
        var survivor = owner.get("api/v1/service-accounts/" + survivorId).expect(200).json();
        assertTrue(survivor.getString("identifier").startsWith("survivor"), "the data is the same");
        assertEquals(survivorId, anonymous.withAuthorization("Bearer " + survivorSecret).get("api/v1/me").expect(200)
                .json().getString("id"), "a secret issued before the key was set aside still authenticates");
    }

    @Test
    @Order(7)
    void noIssuedSecretAppearsInTheLogsOrADatabaseDump() throws Exception {
        server.stop();
        assertTrue(secrets.size() >= 8, "secrets collected: " + secrets.size());
        var places = new ArrayList<Path>();
        places.add(server.base().resolve("console.log"));
        try (Stream<Path> logs = Files.list(server.base().resolve("log"))) {
            logs.forEach(places::add);
        }
        for (Path place : places) {
            String text = Files.readString(place);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret appears in " + place);
            }
        }

        String dump = dump(data.resolve("service-accounts/db"));
        assertTrue(keyId != null && dump.contains(keyId), "the dump holds the credentials (by key id)");
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
