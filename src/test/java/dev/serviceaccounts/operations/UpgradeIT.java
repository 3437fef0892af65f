package dev.serviceaccounts.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An operator's upgrade and an operator's restore, on the database of the run (H2 file, then
 * PostgreSQL), with real data: accounts, a member, credentials (active and revoked), a JWT, a
 * webhook and a sealed audit chain, all made through the API.
 * <ul>
 * <li>Upgrade: the database is taken back to the previous schema version (the newest migration's
 * additions undone, with data kept) and the current build started on it: it migrates, and every
 * account, secret, token, webhook and audit event works as before.</li>
 * <li>Restore: the backup the README describes (H2: the stopped server's DATA_DIR copied;
 * PostgreSQL: pg_dump, plus the server key) restored into a fresh database and a fresh DATA_DIR; a
 * fresh server on it accepts the old secret, and the audit chain ends where it ended.</li>
 * </ul>
 */
class UpgradeIT {

    private static final String PASSWORD = "upgrade-owner-password-1";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final boolean POSTGRESQL = "postgresql".equals(System.getenv("DB_DRIVER"));
    /** The newest migration, and how to take a database back to the one before it (it only added a table). */
    private static final String NEWEST = "8";
    private static final List<String> UNDO_NEWEST = List.of(
            "drop table once_lock",
            "delete from \"flyway_schema_history\" where \"version\" = '8'");

    private final Path work = Path.of(System.getProperty("it.work"), "upgrade-" + (POSTGRESQL ? "pg-" : "h2-") + System.currentTimeMillis());

    @Test
    void dataMadeAtThePreviousSchemaSurvivesTheUpgradeAndABackupRestoresIt() throws Exception {
        assertEquals(NEWEST, newestMigration(), "a new migration: teach this test to undo it (UNDO_NEWEST)");
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");

        // 1. Data, made through the API
        Made made;
        try (var server = server("before", data, POSTGRESQL ? System.getProperty("it.pg.upgrade.url") : null)) {
            server.start();
            made = make(Api.at(server.root()));
        }

        // 2. The backup of the README, taken of the stopped server
        if (POSTGRESQL) {
            Files.createDirectories(backup);
            postgres("pg_dump", "--format=custom", "--file=" + backup.resolve("db.dump"), database(System.getProperty("it.pg.upgrade.url")));
            copyTree(data.resolve("service-accounts/server.key"), backup.resolve("server.key"));
        } else {
            copyTree(data, backup);
        }

        // 3. The upgrade: back to the previous schema, with the data; the current build takes it forward
        try (Connection db = connect(POSTGRESQL ? System.getProperty("it.pg.upgrade.url") : h2(data)); var sql = db.createStatement()) {
            for (String statement : UNDO_NEWEST) {
                sql.execute(statement);
            }
            if (!POSTGRESQL) {
                sql.execute("SHUTDOWN"); // the server must find the file unlocked
            }
        }
        try (var server = server("upgraded", data, POSTGRESQL ? System.getProperty("it.pg.upgrade.url") : null)) {
            server.start();
            var health = Api.at(server.management()).get("health/ready").expect(200).json();
            assertTrue(health.toString().contains("\"schema\":\"" + NEWEST + "\""), "migrated to the newest schema: " + health);
            assertTrue(Files.readString(server.base().resolve("log/server.log")).contains("(1 migrations applied now)"),
                    "the newest migration ran on the old database");
            survived(Api.at(server.root()), made);
        }

        // 4. The restore: a fresh database and a fresh DATA_DIR holding only what the backup kept
        Path restored = work.resolve("restored");
        String restoredUrl = null;
        if (POSTGRESQL) {
            restoredUrl = System.getProperty("it.pg.restore.url");
            postgres("pg_restore", "--no-owner", "--single-transaction", "--dbname=" + database(restoredUrl), backup.resolve("db.dump").toString());
            copyTree(backup.resolve("server.key"), restored.resolve("service-accounts/server.key"));
        } else {
            copyTree(backup, restored);
        }
        try (var server = server("restored", restored, restoredUrl)) {
            server.start();
            var owner = survived(Api.at(server.root()), made);
            var verification = owner.get("api/v1/audit-events/verification").expect(200).json();
            assertTrue(verification.getJsonNumber("eventsChecked").longValue() >= made.auditEvents(), verification.toString());
        }
    }

    /** What was made before the upgrade, and how it answered then. */
    private record Made(String secret, String revokedKeyId, String revokedSecret, String keyId, String jwt, String webhookUrl,
                        long auditEvents, String accountId) {
    }

    private static Made make(Api anonymous) {
        Api owner = anonymous.as("admin", PASSWORD);
        String team = owner.post("api/v1/teams", Json.createObjectBuilder().add("name", "upgrade-team").build()).expect(201).json().getString("id");
        owner.post("api/v1/members", Json.createObjectBuilder().add("username", "upgrade-member").add("displayName", "Upgrade")
                .add("email", "upgrade@example.com").add("password", "upgrade-member-password-1").add("orgRole", "USER").build()).expect(201);
        String account = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "upgrade-ci")
                .add("teamId", team).build()).expect(201).json().getString("id");
        String credentials = "api/v1/service-accounts/" + account + "/credentials";
        JsonObject kept = owner.post(credentials, JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        JsonObject revoked = owner.post(credentials, JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        owner.post(credentials + "/" + revoked.getString("keyId") + "/revoke", Json.createObjectBuilder().add("reason", "upgrade test").build())
                .expect(200);
        String jwt = anonymous.as(kept.getString("keyId"), kept.getString("secret"))
                .send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200).json().getString("access_token");
        String webhookUrl = "http://127.0.0.1:9/upgrade-hook"; // loopback, refused: nothing leaves the machine
        owner.post("api/v1/webhooks", Json.createObjectBuilder().add("url", webhookUrl)
                .add("eventTypes", Json.createArrayBuilder(List.of("credential.expiring"))).add("description", "upgrade").build()).expect(201);
        var verification = owner.get("api/v1/audit-events/verification").expect(200).json();
        assertTrue(verification.getBoolean("intact"), verification.toString());
        return new Made(kept.getString("secret"), revoked.getString("keyId"), revoked.getString("secret"), kept.getString("keyId"), jwt,
                webhookUrl, verification.getJsonNumber("eventsChecked").longValue(), account);
    }

    /** Everything made before works as it did; answers the owner's client. */
    private static Api survived(Api anonymous, Made made) {
        Api owner = anonymous.as("admin", PASSWORD);
        assertEquals("SERVICE_ACCOUNT upgrade-ci", me(anonymous.as(made.keyId(), made.secret())), "the old secret still authenticates");
        assertEquals("SERVICE_ACCOUNT upgrade-ci", me(anonymous.withAuthorization("Bearer " + made.jwt())), "the old JWT still verifies");
        anonymous.as(made.revokedKeyId(), made.revokedSecret()).get("api/v1/me").expect(401);
        anonymous.as("upgrade-member", "upgrade-member-password-1").get("api/v1/me").expect(200);
        assertEquals("upgrade-ci", owner.get("api/v1/service-accounts/" + made.accountId()).expect(200).json().getString("identifier"));
        assertTrue(owner.get("api/v1/webhooks").expect(200).body().contains(made.webhookUrl()), "the webhook is kept");
        var verification = owner.get("api/v1/audit-events/verification").expect(200).json();
        assertTrue(verification.getBoolean("intact"), "the audit chain still verifies: " + verification);
        assertTrue(verification.getJsonNumber("eventsChecked").longValue() >= made.auditEvents(), verification.toString());
        var events = owner.get("api/v1/audit-events?action=CREDENTIAL_REVOKED").expect(200).body();
        assertTrue(events.contains("CREDENTIAL_REVOKED"), "the old events are listed: " + events);
        return owner;
    }

    private static String me(Api client) {
        var me = client.get("api/v1/me").expect(200).json();
        return me.getString("kind") + " " + me.getString("name");
    }

    private StandaloneServer server(String name, Path data, String postgresUrl) throws IOException {
        var environment = new HashMap<>(Map.of("ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", PASSWORD, "DATA_DIR", data.toString(),
                "WEBHOOK_ALLOW_LOOPBACK", "true"));
        if (postgresUrl != null) {
            environment.putAll(Map.of("DB_DRIVER", "postgresql", "DB_URL", postgresUrl,
                    "DB_USER", System.getProperty("it.pg.user"), "DB_PASSWORD", System.getProperty("it.pg.password")));
        }
        return new StandaloneServer("upgrade-" + name, environment);
    }

    private static String newestMigration() throws IOException {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).map(n -> n.substring(1, n.indexOf("__")))
                    .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElseThrow();
        }
    }

    private static String h2(Path data) {
        return "jdbc:h2:file:" + data.resolve("service-accounts/db") + ";USER=sa;PASSWORD=sa";
    }

    private static Connection connect(String url) throws Exception {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, System.getProperty("it.pg.user"), System.getProperty("it.pg.password"));
    }

    /** jdbc:postgresql://host:port/name as the libpq connection string the PostgreSQL tools take. */
    private static String database(String jdbcUrl) {
        var uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        return "host=" + uri.getHost() + " port=" + uri.getPort() + " dbname=" + uri.getPath().substring(1) + " user=" + System.getProperty("it.pg.user");
    }

    private static void postgres(String... command) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getProperty("it.pg.password"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
