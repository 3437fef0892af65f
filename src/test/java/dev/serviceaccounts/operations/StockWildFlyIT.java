package dev.serviceaccounts.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ReadmeWalkthrough;
import dev.serviceaccounts.StandaloneServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The WAR on an operator's own WildFly: the stock WildFly 39 distribution from Maven Central,
 * configured by wildfly-config/stock-wildfly.sh exactly as the README says, on PostgreSQL through
 * the driver module the script installs (the release tests H2), then the README walkthrough,
 * health and metrics against it.
 */
@EnabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class StockWildFlyIT {

    private static final int PORT_OFFSET = 500;
    private static final String ADMIN_PASSWORD = "stock-owner-password-1";

    @Test
    void theWarRunsOnAStockWildFlyConfiguredByTheScript() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work")).resolve("stock-" + System.currentTimeMillis()));
        run(work, "unzip", "-q", System.getProperty("it.stock.wildfly"), "-d", work.toString());
        Path home;
        try (var unpacked = Files.list(work)) {
            home = unpacked.filter(p -> p.getFileName().toString().startsWith("wildfly-")).findFirst().orElseThrow();
        }
        run(Path.of("."), "bash", "wildfly-config/stock-wildfly.sh", home.toString(), System.getProperty("it.postgresql.jar"));

        var environment = Map.of(
                "DB_DRIVER", "postgresql", "DB_URL", System.getProperty("it.pg.stock.url"),
                "DB_USER", System.getProperty("it.pg.user"), "DB_PASSWORD", System.getProperty("it.pg.password"),
                "ADMIN_USERNAME", "admin", "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "DATA_DIR", work.resolve("data").toString());
        // the server copies the WAR into its deployments folder, as the README tells the operator to
        try (var server = new StandaloneServer(home, "stock-server", PORT_OFFSET, environment, List.of())) {
            server.start();
            ReadmeWalkthrough.runAgainst(server.root(), ADMIN_PASSWORD);

            var ready = Api.at(server.management()).get("health/ready");
            assertEquals(200, ready.status(), ready.body());
            for (String check : List.of("database", "signing-key")) {
                assertTrue(ready.body().contains("\"" + check + "\""), "the product's readiness check " + check + ": " + ready.body());
            }
            String metrics = Api.at(server.management()).withAccept("text/plain").get("metrics").body();
            assertTrue(metrics.contains("service_accounts_authentications_total{"), "the product's meters: " + metrics);
        }
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
