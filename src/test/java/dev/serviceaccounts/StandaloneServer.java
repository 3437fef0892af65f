package dev.serviceaccounts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second server as an operator runs it: a copy of the provisioned server's standalone folder with
 * the WAR in its deployments folder, the default configuration (no DB_* variables: H2 in its data
 * directory), its own ports, started with standalone.sh and stopped by PID.
 */
public final class StandaloneServer implements AutoCloseable {

    /** Generous: on a starved two-core machine WildFly with the WAR has been seen to take seven minutes to boot. */
    private static final Duration STARTUP = Duration.ofSeconds(900);

    /** Clear of the shared test server (0) and of the probes and benchmarks people run by hand. */
    private static final int PORT_OFFSET = 300;

    private final Path home;
    private final Path base;
    private final int portOffset;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private Process process;

    public StandaloneServer(String name, Map<String, String> environment) throws IOException {
        this(name, environment, List.of());
    }

    /** A server started with these environment variables and these extra arguments to standalone.sh. */
    public StandaloneServer(String name, Map<String, String> environment, List<String> arguments) throws IOException {
        this(name, PORT_OFFSET, environment, arguments);
    }

    /** A server on its own port offset, for tests that run several at once. */
    public StandaloneServer(String name, int portOffset, Map<String, String> environment, List<String> arguments) throws IOException {
        this(Path.of(System.getProperty("jboss.home")), name, portOffset, environment, arguments);
    }

    /** A server of another WildFly installation than the provisioned one (a stock WildFly, say). */
    public StandaloneServer(Path home, String name, int portOffset, Map<String, String> environment, List<String> arguments)
            throws IOException {
        this.home = home;
        this.portOffset = portOffset;
        this.base = Path.of(System.getProperty("it.work"), name + "-" + System.currentTimeMillis());
        this.environment = environment;
        this.arguments = arguments;
        copy(home.resolve("standalone"), base);
        Files.copy(Path.of(System.getProperty("it.war")), base.resolve("deployments/service-accounts.war"));
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    /** The management interface, where WildFly serves /health (live, ready, started). */
    public URI management() {
        return URI.create("http://127.0.0.1:" + (9990 + portOffset) + "/");
    }

    public Path base() {
        return base;
    }

    public void start() throws Exception {
        launch();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited; see " + base.resolve("console.log"));
            }
            try {
                if (Api.at(root()).get("api/v1/me").status() == 401) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not answer within " + STARTUP.toSeconds() + " s");
    }

    /**
     * Starts the server where the product's deployment is expected to fail: waits for WildFly to
     * report its boot over, with errors (or for the process to end), and answers what this start
     * wrote to the console.
     */
    public String startWithFailedDeployment() throws Exception {
        Path console = base.resolve("console.log");
        long before = Files.exists(console) ? Files.size(console) : 0;
        launch();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            byte[] all = Files.readAllBytes(console); // offsets in bytes: the log need not be ASCII
            String written = new String(all, (int) before, all.length - (int) before, java.nio.charset.StandardCharsets.UTF_8);
            if (written.contains("WFLYSRV0026") || !process.isAlive()) { // "started (with errors)"
                return written;
            }
            if (written.contains("WFLYSRV0025")) {
                throw new IllegalStateException("The server started without errors; see " + console);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not finish booting within " + STARTUP.toSeconds() + " s");
    }

    private void launch() throws Exception {
        if (process != null && process.isAlive()) { // a second JVM would hold the ports and the H2 file of the first
            throw new IllegalStateException("Already running; stop it first: " + base);
        }
        var command = new java.util.ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + portOffset,
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                // WildFly gives up a boot that has not settled within 300 s; a starved machine needed 400
                "-Djboss.as.management.blocking.timeout=" + STARTUP.toSeconds()));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        shippedDefaults(builder.environment()).putAll(environment);
        process = builder.start();
    }

    /** Removes what the test server was given (failsafe's environment), so a process starts with the shipped defaults. */
    public static Map<String, String> shippedDefaults(Map<String, String> env) {
        List.of("DB_DRIVER", "DB_URL", "DB_USER", "DB_PASSWORD", "CLOCK_ADJUSTABLE", "ADMIN_USERNAME", "ADMIN_PASSWORD",
                "ORGANIZATION_NAME", "SECRET_REPORTERS", "PASSWORD_HASH_ITERATIONS", "SIGN_IN_MAX_FAILURES",
                "SIGN_IN_MAX_FAILURES_PER_ADDRESS", "WEBHOOK_ALLOW_LOOPBACK", "WEBHOOK_RETRY_SECONDS", "HEALTH_SCAN_SECONDS",
                "CLUSTER_SECRET", "CLUSTER_KEYSTORE", "CREDENTIAL_CACHE_TTL_SECONDS", "DATA_DIR", "CREDENTIAL_HMAC_KEY",
                "CLUSTER_MODE", "TLS_ENABLED", "TLS_KEYSTORE", "TLS_KEYSTORE_PASSWORD", "TLS_CERTIFICATE", "TLS_PRIVATE_KEY",
                "PORT_OFFSET", "JWT_ISSUER", "STOP_TIMEOUT_SECONDS")
                .forEach(env::remove);
        return env;
    }

    /** SIGTERM to the script and the JVM: a graceful shutdown that closes the database. */
    public void stop() throws Exception {
        end(false);
    }

    /** SIGKILL to the JVM, as when a machine dies: nothing is closed, flushed or said goodbye to. */
    public void kill() throws Exception {
        end(true);
    }

    private void end(boolean kill) throws Exception {
        if (process == null) {
            return;
        }
        var processes = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        processes.forEach(kill ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        try {
            for (var handle : processes) {
                handle.onExit().get(60, TimeUnit.SECONDS);
            }
        } catch (java.util.concurrent.TimeoutException hung) {
            // no test may leave a server behind, holding ports and files the next one needs
            processes.forEach(ProcessHandle::destroyForcibly);
            process = null;
            throw new IllegalStateException("The server did not stop within 60 s of SIGTERM; killed. See " + base.resolve("console.log"));
        }
        process.waitFor();
        process = null;
    }

    @Override
    public void close() throws Exception {
        stop();
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
