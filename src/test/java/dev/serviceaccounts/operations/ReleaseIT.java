package dev.serviceaccounts.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ReadmeWalkthrough;
import dev.serviceaccounts.StandaloneServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The release archive as an operator installs it: unpacked in an empty temporary directory,
 * started by its own script from another directory, with HTTPS from a generated certificate, the
 * README walkthrough answered, and stopped by SIGTERM while requests are in flight. Nothing here
 * depends on the database (the archive's default, H2), so it runs once.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseIT {

    private static final int PORT_OFFSET = 400;
    private static final URI HTTP = URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    private static final URI HTTPS = URI.create("https://127.0.0.1:" + (8443 + PORT_OFFSET) + "/");
    private static final String ADMIN_PASSWORD = "release-owner-password-1";
    private static final String STORE_PASSWORD = "release-test-store";

    private static Path release;
    private static Path work;
    private static Process server;

    @BeforeAll
    static void unpack() throws Exception {
        // an empty directory of its own, kept after the run for its logs (mvn clean removes it)
        work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("it.work"))), "release-");
        Path archive = Path.of(System.getProperty("it.distribution"));
        run(work, List.of("tar", "-xzf", archive.toString(), "-C", work.toString()));
        try (var entries = Files.list(work)) {
            release = entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        // a certificate for 127.0.0.1, as an operator's CA would issue it
        run(work, List.of("keytool", "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", work.resolve("tls.p12").toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD));
    }

    @AfterAll
    static void stopAndRemove() throws Exception {
        if (server != null && server.isAlive()) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void theArchiveHoldsAVersionedServerWithTheWarAndOneStartScript() throws Exception {
        String version = release.getFileName().toString().substring("service-accounts-".length());
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+"), "a semantic version: " + version);
        assertTrue(Files.readString(release.resolve("CHANGELOG.md")).contains("## " + version), "the changelog names it");
        assertTrue(Files.isExecutable(release.resolve("bin/service-accounts")));
        assertTrue(Files.isExecutable(release.resolve("bin/standalone.sh")));
        assertTrue(Files.exists(release.resolve("standalone/deployments/service-accounts.war")));
        assertFalse(Files.exists(release.resolve("standalone/data")), "nothing from a build's run");
    }

    @Test
    @Order(2)
    void aClusterNodeWithoutItsSecretExitsAtOnceSayingWhy() throws Exception {
        var builder = new ProcessBuilder(release.resolve("bin/service-accounts").toString()).redirectErrorStream(true);
        StandaloneServer.shippedDefaults(builder.environment()).put("CLUSTER_MODE", "true");
        builder.environment().put("DATA_DIR", work.resolve("unused-data").toString());
        Process node = builder.start();
        assertTrue(node.waitFor(30, TimeUnit.SECONDS), "exits instead of serving 404s");
        String said = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, node.exitValue(), said);
        assertTrue(said.contains("CLUSTER_SECRET"), said);
    }

    @Test
    @Order(3)
    void startsFromAnyDirectoryAndAnswersTheReadmeWalkthrough() throws Exception {
        start();
        ReadmeWalkthrough.runAgainst(HTTP, ADMIN_PASSWORD);
        assertTrue(Files.exists(work.resolve("data/service-accounts/db.mv.db")), "the database is in DATA_DIR");
        assertTrue(log().contains("Service Accounts " + release.getFileName().toString().substring("service-accounts-".length())
                + ": database schema at version"), "the log names the release");
    }

    @Test
    @Order(4)
    void servesHttpsWithTheOperatorsCertificateAndHsts() throws Exception {
        HttpClient verifying = HttpClient.newBuilder().sslContext(trusting(work.resolve("tls.p12")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        var me = verifying.send(HttpRequest.newBuilder(HTTPS.resolve("api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, me.statusCode());
        assertEquals("max-age=31536000", me.headers().firstValue("Strict-Transport-Security").orElse("none"));

        String discovery = verifying.send(HttpRequest.newBuilder(HTTPS.resolve(".well-known/openid-configuration")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertEquals("https://127.0.0.1:" + (8443 + PORT_OFFSET),
                jakarta.json.Json.createReader(new java.io.StringReader(discovery)).readObject().getString("issuer"),
                "JWT_ISSUER follows the scheme");

        var page = verifying.send(HttpRequest.newBuilder(HTTPS.resolve("login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("; secure"), "the console's cookie is Secure over TLS: " + cookie);

        // a client that does not trust the operator's certificate is refused: the certificate is what is checked
        HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThrows(SSLHandshakeException.class,
                () -> defaultTrust.send(HttpRequest.newBuilder(HTTPS.resolve("api/v1/me")).build(), HttpResponse.BodyHandlers.discarding()));
        // plain HTTP stays open for callers inside, and never claims HSTS
        var plain = Api.at(HTTP).get("api/v1/me");
        assertEquals(401, plain.status());
        assertEquals(null, plain.header("Strict-Transport-Security"));
    }

    @Test
    @Order(5)
    void sigtermLetsEveryRequestInFlightFinish() throws Exception {
        // Requests whose body is still arriving when the stop begins: in flight for certain, whatever
        // the machine's speed. Each creates a team, so an answer is also a change that happened.
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        List<java.net.Socket> inFlight = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] body = ("{\"name\":\"graceful-" + i + "\",\"description\":\"created while the server stops\"}")
                    .getBytes(StandardCharsets.UTF_8);
            var socket = new java.net.Socket("127.0.0.1", HTTP.getPort());
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/teams HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            inFlight.add(socket);
            rests.add(java.util.Arrays.copyOfRange(body, 10, body.length));
        }
        Thread.sleep(1_000); // the server has read every request's head and waits for the bodies

        server.destroy(); // SIGTERM to the start script, as systemd or a container runtime sends it
        Thread.sleep(2_000); // the stop has begun: WildFly suspends, and waits for these

        var refused = Api.at(HTTP).get("api/v1/me");
        assertEquals(503, refused.status(), "a request that arrives once the stop began is turned away");
        for (int i = 0; i < inFlight.size(); i++) {
            try (var socket = inFlight.get(i)) {
                socket.getOutputStream().write(rests.get(i));
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 201"), "request " + i + " in flight was answered: " + answer);
            }
        }
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped");
        assertTrue(log().contains("WFLYSRV0050"), "WildFly reports its stop: " + log());
        server = null;
    }

    @Test
    @Order(6)
    void startsAgainOnItsDataAfterTheStop() throws Exception {
        start();
        var alice = Api.at(HTTP).as("alice", "alice-password-1").get("api/v1/me");
        assertEquals(200, alice.status(), "the walkthrough's member survived the stop");
        String teams = Api.at(HTTP).as("admin", ADMIN_PASSWORD).get("api/v1/teams").body();
        for (int i = 0; i < 5; i++) {
            assertTrue(teams.contains("\"graceful-" + i + "\""), "the team created during the stop is there: " + teams);
        }
        server.destroy();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped");
        server = null;
    }

    private static void start() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("cwd"));
        var builder = new ProcessBuilder(release.resolve("bin/service-accounts").toString())
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("console.log").toFile()));
        StandaloneServer.shippedDefaults(builder.environment()).putAll(Map.of(
                "DATA_DIR", work.resolve("data").toString(),
                "PORT_OFFSET", String.valueOf(PORT_OFFSET),
                "ADMIN_USERNAME", "admin",
                "ADMIN_PASSWORD", ADMIN_PASSWORD,
                "TLS_KEYSTORE", work.resolve("tls.p12").toString(),
                "TLS_KEYSTORE_PASSWORD", STORE_PASSWORD));
        server = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), "the server exited: " + log());
            try {
                if (Api.at(HTTP).get("api/v1/me").status() == 401) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // connection refused while booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The release did not answer within 10 minutes: " + log());
    }

    private static String log() throws IOException {
        Path console = work.resolve("console.log");
        return Files.exists(console) ? Files.readString(console) : "";
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            server.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", server.getCertificate("server"));
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static void run(Path directory, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
