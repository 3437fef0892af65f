package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.Fixtures;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * What an operator does: start the product on its embedded default database (an H2 file in the
 * server's data directory), create data, stop the server, start it again, find the data.
 * Runs a second server from a copy of the provisioned one, on its own ports, with no DB_*
 * variables, so the default configuration is the one under test.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class RestartIT {

    private static final int PORT_OFFSET = 300;
    private static final URI ROOT = URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    private static final String PASSWORD = "restart-owner-password";

    private Process server;

    @Test
    void dataSurvivesARestartOnTheDefaultH2Database() throws Exception {
        Path base = Path.of(System.getProperty("it.work"), "restart-" + System.currentTimeMillis());
        copy(Path.of(System.getProperty("jboss.home"), "standalone"), base);
        Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments/service-accounts.war"));

        start(base);
        Api owner = Api.at(ROOT).as("admin", PASSWORD);
        String identifier = Fixtures.unique("survivor");
        String id = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier).build())
                .expect(201).json().getString("id");
        stop();
        assertTrue(Files.exists(base.resolve("data/service-accounts/db.mv.db")), "the H2 file lives in the data directory");

        start(base);
        assertEquals(identifier, owner.get("api/v1/service-accounts/" + id).expect(200).json().getString("identifier"));
        var history = owner.get("api/v1/audit-events?targetId=" + id).expect(200).json();
        assertEquals("SERVICE_ACCOUNT_CREATED", history.getJsonArray("items").getJsonObject(0).getString("action"));
        assertEquals(1, owner.get("api/v1/organization").expect(200).json().getInt("seats"),
                "the second start found the organization and created no second OWNER");
    }

    private void start(Path base) throws Exception {
        Path home = Path.of(System.getProperty("jboss.home"));
        var builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        var env = builder.environment();
        List.of("DB_DRIVER", "DB_URL", "DB_USER", "DB_PASSWORD").forEach(env::remove);
        env.put("ADMIN_USERNAME", "admin");
        env.put("ADMIN_PASSWORD", PASSWORD);
        server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server exited; see " + base.resolve("console.log"));
            }
            try {
                if (Api.at(ROOT).get("api/v1/me").status() == 401) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not answer within 120 s");
    }

    /** Stops the server by its PID: SIGTERM to the JVM, a graceful shutdown that closes the database. */
    @AfterEach
    void stop() throws Exception {
        if (server == null) {
            return;
        }
        var processes = Stream.concat(server.descendants(), Stream.of(server.toHandle())).toList();
        processes.forEach(ProcessHandle::destroy);
        for (var process : processes) {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        server.waitFor();
        server = null;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path relative = from.relativize(source);
                if (relative.startsWith("data") || relative.startsWith("tmp") || relative.startsWith("log")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
