package dev.serviceaccounts.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import dev.serviceaccounts.Api;
import dev.serviceaccounts.Browser;
import dev.serviceaccounts.StandaloneServer;
import dev.serviceaccounts.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two provisioned nodes in cluster mode (standalone-cluster.xml) on one PostgreSQL database, as an
 * operator runs them: real processes on loopback at port offsets 300 and 400, JGroups over TCP
 * with discovery through the database, joins authenticated and traffic encrypted with the cluster
 * secret. Started at the same moment on an empty database. Shows what the README promises for
 * several nodes: work done once, every change made on node A refused or seen on node B before A's
 * call returns while clients hammer B, the signing key, console sessions that outlive a node, a
 * process with the wrong secret kept out, and the faults: SIGKILL under write load and a
 * PostgreSQL restart under load. (The PostgreSQL run only.)
 */
@EnabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    /** Per kind of change; each round a fresh target, clients calling B throughout. */
    private static final int ROUNDS = 20;
    /** Long on purpose: only the broadcast, not the time to live, can make B right in time. */
    private static final String TTL_SECONDS = "300";

    private static final ExecutorService POOL = Executors.newCachedThreadPool();
    private static StandaloneServer a;
    private static StandaloneServer b;
    private static Api ownerA;
    private static Api ownerB;
    private static String password;
    private static Map<String, String> environment;

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        password = "owner-" + UUID.randomUUID();
        String secret = "cluster-" + UUID.randomUUID();
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work")));
        environment = new HashMap<>(Map.of("DB_DRIVER", "postgresql", "DB_URL", System.getProperty("it.pg.nodes.url"),
                "DB_USER", System.getProperty("it.pg.user"), "DB_PASSWORD", System.getProperty("it.pg.password"),
                "ADMIN_PASSWORD", password, "CREDENTIAL_HMAC_KEY", Base64.getEncoder().encodeToString(key),
                "JWT_ISSUER", "http://accounts.nodes.test", "CREDENTIAL_CACHE_TTL_SECONDS", TTL_SECONDS,
                "WEBHOOK_ALLOW_LOOPBACK", "true", "PASSWORD_HASH_ITERATIONS", "10000"));
        // the member-removal rounds sign in with deleted members on purpose, many times, all from 127.0.0.1
        environment.put("SIGN_IN_MAX_FAILURES_PER_ADDRESS", "1000000");
        environment.put("CLUSTER_SECRET", secret);
        environment.put("CLUSTER_KEYSTORE", keystore(work.resolve("cluster-" + System.currentTimeMillis() + ".p12"), secret).toString());
        a = node("node-a", 300, environment);
        b = node("node-b", 400, environment);
        var started = List.of(POOL.submit(() -> start(a)), POOL.submit(() -> start(b)));
        for (var start : started) {
            start.get();
        }
        ownerA = Api.at(a.root()).as("admin", password);
        ownerB = Api.at(b.root()).as("admin", password);
        awaitMembers(ownerA, List.of("node-a", "node-b"));
    }

    @AfterAll
    static void stop() throws Exception {
        POOL.shutdownNow();
        for (var node : new StandaloneServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void startedTogetherTheyShareOneOrganizationOwnerSigningKeyAndDoOnceWorkOnce() throws Exception {
        var viewA = ownerA.get("api/v1/organization/cluster").expect(200).json();
        var viewB = ownerB.get("api/v1/organization/cluster").expect(200).json();
        assertEquals("node-a", viewA.getString("node"));
        assertEquals("node-b", viewB.getString("node"));
        assertEquals(viewA.getString("coordinator"), viewB.getString("coordinator"));

        String organization = ownerA.get("api/v1/organization").expect(200).json().getString("id");
        assertEquals(organization, ownerB.get("api/v1/organization").expect(200).json().getString("id"), "one organization");
        var owners = ownerB.get("api/v1/members?size=500").expect(200).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(m -> m.getString("orgRole").equals("OWNER")).toList();
        assertEquals(1, owners.size(), owners.toString());

        // the first signing key is made on first use: both nodes ask at once
        var asked = new ArrayList<Future<?>>();
        for (Api node : List.of(ownerA, ownerB, ownerA, ownerB)) {
            asked.add(POOL.submit(() -> node.get("api/v1/organization/signing-keys").expect(200)));
        }
        for (var answer : asked) {
            answer.get();
        }
        var keys = ownerB.get("api/v1/organization/signing-keys").expect(200).array();
        assertEquals(1, keys.stream().filter(k -> !k.asJsonObject().containsKey("retiredAt") || k.asJsonObject().isNull("retiredAt"))
                .count(), "one key signs: " + keys);
        assertEquals(keys, ownerA.get("api/v1/organization/signing-keys").expect(200).array());

        // a JWT either node signs, the other accepts
        var created = account(null);
        for (var pair : List.of(List.of(a, b), List.of(b, a))) {
            String token = token(pair.get(0), created.basic());
            assertEquals(created.identifier(), Api.at(pair.get(1).root()).withAuthorization("Bearer " + token)
                    .get("api/v1/me").expect(200).json().getString("name"));
        }

        // both nodes dispatch webhooks; each event is sent once
        try (var receiver = new WebhookReceiver()) {
            ownerA.post("api/v1/webhooks", Json.createObjectBuilder().add("url", receiver.url("nodes").toString())
                    .add("eventTypes", Json.createArrayBuilder().add("service_account.created")).build()).expect(201);
            var made = account(null);
            var event = WebhookReceiver.event("service_account.created", made.id());
            receiver.await(event, 1, Duration.ofSeconds(60));
            Thread.sleep(5_000); // several rounds of both nodes' dispatchers
            assertEquals(1, receiver.received(event).size(), "one delivery, by one node, for one event");
        }

        // failed sign-ins counted on A throttle on B: the counts live in the shared database
        for (int i = 0; i < 5; i++) { // the default limit per username and address
            Api.at(a.root()).as("nobody", "guess-" + i).get("api/v1/me").expect(401);
        }
        var refused = Api.at(b.root()).as("nobody", "guess").get("api/v1/me").problem(429);
        assertTrue(refused.getString("detail").contains("Try again"), refused.toString());
    }

    @Test
    @Order(2)
    void everyChangeMadeOnAHoldsOnBBeforeTheCallReturns() throws Exception {
        var results = new java.util.LinkedHashMap<String, int[]>();
        String team = ownerA.post("api/v1/teams", Json.createObjectBuilder().add("name", "cluster-team").build()).expect(201).json().getString("id");
        String otherTeam = ownerA.post("api/v1/teams", Json.createObjectBuilder().add("name", "cluster-other").build()).expect(201).json().getString("id");

        results.put("revoke", rounds(() -> {
            var account = account(null);
            return new Race(() -> meOnB(account) == 200,
                    () -> ownerA.post(account.path() + "/credentials/" + account.keyId() + "/revoke", "{}"), 200);
        }));
        results.put("rotate", rounds(() -> {
            var account = account(null);
            return new Race(() -> meOnB(account) == 200,
                    () -> ownerA.post(account.path() + "/credentials/" + account.keyId() + "/rotate", "{}"), 201);
        }));
        results.put("disable", rounds(() -> {
            var account = account(null);
            return new Race(() -> meOnB(account) == 200, () -> ownerA.post(account.path() + "/disable", "{}"), 200);
        }));
        results.put("enable", rounds(() -> {
            var account = account(null);
            ownerA.post(account.path() + "/disable", "{}").expect(200);
            return new Race(() -> meOnB(account) == 401, () -> ownerA.post(account.path() + "/enable", "{}"), 200);
        }));
        results.put("delete", rounds(() -> {
            var account = account(null);
            return new Race(() -> meOnB(account) == 200, () -> ownerA.delete(account.path()), 204);
        }));
        results.put("role", rounds(() -> {
            var account = account(null);
            return new Race(() -> !adminTeamsOnB(account).contains(team), () -> ownerA.put(account.path() + "/roles",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("teamId", team).add("role", "ADMIN")).build()), 200);
        }));
        results.put("global admin", rounds(() -> {
            var account = account(null);
            return new Race(() -> !"ORG_ADMIN".equals(onB(account).get("api/v1/me").expect(200).json().getString("orgRole")),
                    () -> ownerA.patch(account.path(), Json.createObjectBuilder().add("globalAdmin", true).build()), 200);
        }));
        results.put("team", rounds(() -> {
            var account = account(team);
            return new Race(() -> !otherTeam.equals(teamId(token(b, account.basic()))),
                    () -> ownerA.patch(account.path(), Json.createObjectBuilder().add("teamId", otherTeam).build()), 200);
        }));
        var lifetimes = new AtomicInteger(400);
        results.put("policy", rounds(() -> {
            int max = lifetimes.incrementAndGet();
            return new Race(() -> ownerB.get("api/v1/organization/credential-policy").expect(200).json().getInt("maxLifetimeDays") != max,
                    () -> ownerA.put("api/v1/organization/credential-policy", Json.createObjectBuilder(
                            ownerA.get("api/v1/organization/credential-policy").expect(200).json()).add("maxLifetimeDays", max).build()), 200);
        }));
        results.put("member role", rounds(() -> {
            var member = member("ORG_ADMIN");
            return new Race(() -> !"USER".equals(member.onB().get("api/v1/me").expect(200).json().getString("orgRole")),
                    () -> ownerA.patch("api/v1/members/" + member.id(), Json.createObjectBuilder().add("orgRole", "USER").build()), 200);
        }));
        results.put("member removal", rounds(() -> {
            var member = member("USER");
            return new Race(() -> member.onB().get("api/v1/me").status() == 200,
                    () -> ownerA.delete("api/v1/members/" + member.id()), 204);
        }));
        results.put("signing key", rounds(() -> {
            var account = account(null);
            var rotated = new String[1];
            return new Race(() -> rotated[0] == null || !rotated[0].equals(kid(token(b, account.basic()))),
                    () -> {
                        var reply = ownerA.post("api/v1/organization/signing-keys/rotate", "{}");
                        if (reply.status() == 200) {
                            rotated[0] = reply.json().getString("kid");
                        }
                        return reply;
                    }, 200);
        }));

        System.out.printf("cluster: %d changes answered 409 and retried%n", RETRIED.get());
        results.forEach((kind, counts) -> System.out.printf(
                "cluster: %-15s %d rounds, %5d requests to node B after node A's call returned, %d of them answered as before the change%n",
                kind, ROUNDS, counts[0], counts[1]));
        results.forEach((kind, counts) -> assertEquals(0, counts[1], kind + ": node B answered as before the change after node A's call returned"));
    }

    @Test
    @Order(3)
    void aProcessWithTheWrongClusterSecretDoesNotJoin() throws Exception {
        var wrong = new HashMap<>(environment);
        String secret = "wrong-" + UUID.randomUUID();
        wrong.put("CLUSTER_SECRET", secret);
        wrong.put("CLUSTER_KEYSTORE", keystore(Path.of(System.getProperty("it.work"), "wrong-" + System.currentTimeMillis() + ".p12"), secret).toString());
        try (var intruder = node("node-c", 500, wrong)) {
            intruder.start();
            Thread.sleep(5_000); // discovery and merge attempts run every few seconds
            var itsView = Api.at(intruder.root()).as("admin", password).get("api/v1/organization/cluster").expect(200).json();
            assertEquals(List.of("node-c"), names(itsView), "the intruder stays alone: " + itsView);
            for (Api node : List.of(ownerA, ownerB)) {
                var view = node.get("api/v1/organization/cluster").expect(200).json();
                assertEquals(List.of("node-a", "node-b"), names(view).stream().sorted().toList(), view.toString());
            }
        }
    }

    @Test
    @Order(4)
    void consoleSessionsAndWritesOutliveANodeKilledUnderLoad() throws Exception {
        var account = account(null);
        try (var browser = new Browser(a.root())) {
            browser.signIn("admin", password);
            assertEquals("/admin/accounts.xhtml", browser.path());
            // an account made in the console on A: its secret is shown once, there
            String consoleIdentifier = "console-" + UUID.randomUUID().toString().substring(0, 8);
            browser.click("newAccount");
            browser.type("create:identifier", consoleIdentifier);
            browser.click("create:createAccount");
            assertEquals(consoleIdentifier, browser.title());
            String secret = browser.text("#secretValue");
            assertTrue(secret.startsWith("sas_"), secret);
            String consoleMade = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=([0-9a-f-]+).*", "$1");

            // the same session, through node B: signed in, and the secret is not shown again
            browser.driver().get(b.root().resolve("admin/account.xhtml?id=" + consoleMade).toString());
            assertEquals(consoleIdentifier, browser.title(), "node B continues the session opened through node A");
            assertFalse(browser.has("#newSecret"));
            assertFalse(browser.driver().getPageSource().contains(secret), "a secret is shown at most once, on any node");

            // writes spread over both nodes; node A killed with SIGKILL in the middle
            var stop = new AtomicBoolean();
            var committed = new ConcurrentLinkedQueue<String>();
            var bFailures = new ConcurrentLinkedQueue<String>();
            var writes = new AtomicInteger();
            var writers = new ArrayList<Future<?>>();
            for (int w = 0; w < 4; w++) {
                StandaloneServer target = w % 2 == 0 ? a : b;
                writers.add(POOL.submit(() -> {
                    while (!stop.get()) {
                        String identifier = "load-" + UUID.randomUUID().toString().substring(0, 13);
                        writes.incrementAndGet();
                        try {
                            var reply = Api.at(target.root()).as("admin", password).post("api/v1/service-accounts",
                                    Json.createObjectBuilder().add("identifier", identifier).build());
                            if (reply.status() == 201) {
                                committed.add(reply.json().getString("id"));
                            } else if (target == b) {
                                bFailures.add(reply.describe());
                            }
                        } catch (IllegalStateException refused) {
                            if (target == b) {
                                bFailures.add(refused.toString());
                            }
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(2_000);
            a.kill();
            long killed = System.nanoTime();
            Thread.sleep(4_000);
            stop.set(true);
            for (var writer : writers) {
                writer.get();
            }
            assertTrue(bFailures.isEmpty(), "node B kept answering: " + bFailures);
            for (String id : committed) {
                ownerB.get("api/v1/service-accounts/" + id).expect(200);
            }
            System.out.printf("cluster: SIGKILL under load: %d writes, %d answered 2xx, all of them in the database%n", writes.get(), committed.size());
            awaitMembers(ownerB, List.of("node-b"));
            System.out.printf("cluster: node B saw node A leave after %d ms%n", (System.nanoTime() - killed) / 1_000_000);

            browser.driver().get(b.root().resolve("admin/account.xhtml?id=" + account.id()).toString());
            assertEquals(account.identifier(), browser.title(), "the session outlives the node that opened it");

            // while A is down, B revokes; A comes back with nothing cached and refuses at once
            ownerB.post(account.path() + "/credentials/" + account.keyId() + "/revoke", "{}").expect(200);
            a.start();
            awaitMembers(ownerA, List.of("node-a", "node-b"));
            assertEquals(401, Api.at(a.root()).withAuthorization(account.basic()).get("api/v1/me").status());
        }
    }

    @Test
    @Order(5)
    void aPostgresqlRestartUnderLoadIsAnsweredWithProblemDocumentsAndRecoveredFromWithoutARestart() throws Exception {
        var cluster = postgresqlCluster();
        var account = account(null);
        var stop = new AtomicBoolean();
        var errors = new ConcurrentLinkedQueue<Api.Reply>();
        var answered = new AtomicInteger();
        var load = new ArrayList<Future<?>>();
        for (var node : List.of(a, b)) {
            load.add(POOL.submit(() -> {
                while (!stop.get()) {
                    var owner = Api.at(node.root()).as("admin", password);
                    for (var reply : List.of(
                            owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "pg-" + UUID.randomUUID().toString().substring(0, 13)).build()),
                            Api.at(node.root()).withAuthorization(account.basic()).get("api/v1/me"),
                            owner.get("api/v1/service-accounts?size=5"))) {
                        answered.incrementAndGet();
                        if (reply.status() >= 400) {
                            errors.add(reply);
                        }
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1_000);
        for (var node : List.of(a, b)) {
            assertEquals("UP", readiness(node), "ready before the outage");
        }
        run("pg_ctlcluster", cluster[0], cluster[1], "stop", "-m", "fast");
        long stopped = System.nanoTime();
        for (var node : List.of(a, b)) { // readiness follows the database: a load balancer stops sending traffic
            while (!"DOWN".equals(readiness(node))) {
                assertTrue(System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(10), node.management() + " still ready 10 s after PostgreSQL stopped");
                Thread.sleep(200);
            }
            assertEquals("UP", Api.at(node.management()).get("health/live").expect(200).json().getString("status"),
                    "alive all the same: nothing a restart of the node would mend");
        }
        System.out.printf("cluster: readiness DOWN on both nodes %d ms after PostgreSQL stopped%n", (System.nanoTime() - stopped) / 1_000_000);
        Thread.sleep(Math.max(0, 4_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)));
        run("pg_ctlcluster", cluster[0], cluster[1], "start");
        long restarted = System.nanoTime();
        for (var node : List.of(a, b)) {
            while (!"UP".equals(readiness(node))) {
                assertTrue(System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(60), node.management() + " not ready 60 s after PostgreSQL returned");
                Thread.sleep(200);
            }
        }
        // both nodes write again without being restarted
        for (var node : List.of(a, b)) {
            var owner = Api.at(node.root()).as("admin", password);
            while (owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", "after-" + UUID.randomUUID().toString().substring(0, 12)).build()).status() != 201) {
                assertTrue(System.nanoTime() - restarted < TimeUnit.SECONDS.toNanos(120), node.root() + " did not recover");
                Thread.sleep(250);
            }
        }
        stop.set(true);
        for (var l : load) {
            l.get();
        }
        System.out.printf("cluster: PostgreSQL restart: %d answers, %d errors, every one a problem document; both nodes recovered %d ms after the restart%n",
                answered.get(), errors.size(), (System.nanoTime() - restarted) / 1_000_000);
        assertFalse(errors.isEmpty(), "the outage was seen");
        for (var error : errors) {
            assertTrue(error.contentType().startsWith("application/problem+json"), error.describe());
            assertFalse(error.body().contains("<html") || error.body().contains("Exception") || error.body().contains("\tat "), error.describe());
        }
    }

    // --- rounds -----------------------------------------------------------------------------------

    /**
     * One change made on A (a request, and the status that means done), and a probe of B: true
     * when B answers as it did before the change.
     */
    private record Race(BooleanSupplier stale, java.util.function.Supplier<Api.Reply> change, int done) {
    }

    /** Changes answered 409 and retried, over all rounds. */
    private static final AtomicInteger RETRIED = new AtomicInteger();

    /** {requests sent to B after A's call returned, how many of them B answered as before}, over all rounds. */
    private static int[] rounds(Callable<Race> setUp) throws Exception {
        int after = 0;
        int stale = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Race race = setUp.call();
            assertTrue(race.stale().getAsBoolean(), "before the change, node B answers as before it (and holds what it read)");
            var stop = new AtomicBoolean();
            var returned = new AtomicLong(Long.MAX_VALUE);
            var afterCount = new AtomicInteger();
            var staleCount = new AtomicInteger();
            var clients = new ArrayList<Future<?>>();
            for (int c = 0; c < 3; c++) {
                clients.add(POOL.submit(() -> {
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        boolean old = race.stale().getAsBoolean();
                        if (sent > returned.get()) {
                            afterCount.incrementAndGet();
                            if (old) {
                                staleCount.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(20);
            var reply = race.change().get();
            if (reply.status() == 409) { // "changed at the same moment; read it again and retry": as a client does
                RETRIED.incrementAndGet();
                System.out.println("cluster: " + reply.describe() + ", retried");
                reply = race.change().get();
            }
            reply.expect(race.done());
            long end = System.nanoTime();
            returned.set(end);
            // at least 100 ms and three requests sent after the return (a refused sign-in takes a full hash)
            while (System.nanoTime() - end < TimeUnit.MILLISECONDS.toNanos(100)
                    || afterCount.get() < 3 && System.nanoTime() - end < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(10);
            }
            stop.set(true);
            for (var client : clients) {
                client.get();
            }
            assertTrue(afterCount.get() > 0, "clients called node B after the change returned");
            after += afterCount.get();
            stale += staleCount.get();
        }
        return new int[] {after, stale};
    }

    // --- fixtures ---------------------------------------------------------------------------------

    private record Account(String id, String identifier, String keyId, String secret) {
        String path() {
            return "api/v1/service-accounts/" + id;
        }

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Member(String id, String username, String password, URI b) {
        Api onB() {
            return Api.at(b).as(username, password);
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** An account made on A, its credential already used on B (so B holds it). */
    private static Account account(String team) {
        var body = Json.createObjectBuilder().add("identifier", "c-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .add("credential", Json.createObjectBuilder());
        if (team != null) {
            body.add("teamId", team);
        }
        var created = ownerA.post("api/v1/service-accounts", body.build()).expect(201).json();
        var credential = created.getJsonObject("credential");
        var account = new Account(created.getJsonObject("account").getString("id"), created.getJsonObject("account").getString("identifier"),
                credential.getString("keyId"), credential.getString("secret"));
        onB(account).get("api/v1/me").expect(200);
        return account;
    }

    private static Member member(String orgRole) {
        String username = "m-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String memberPassword = "password-" + UUID.randomUUID();
        String id = ownerA.post("api/v1/members", Json.createObjectBuilder().add("username", username).add("displayName", username)
                .add("password", memberPassword).add("orgRole", orgRole).build()).expect(201).json().getString("id");
        var member = new Member(id, username, memberPassword, b.root());
        member.onB().get("api/v1/me").expect(200);
        return member;
    }

    private static Api onB(Account account) {
        return Api.at(b.root()).withAuthorization(account.basic());
    }

    private static int meOnB(Account account) {
        return onB(account).get("api/v1/me").status();
    }

    private static List<String> adminTeamsOnB(Account account) {
        return onB(account).get("api/v1/me").expect(200).json().getJsonArray("adminTeams").stream()
                .map(t -> t.asJsonObject().getString("id")).toList();
    }

    private static String token(StandaloneServer node, String basic) {
        return Api.at(node.root()).withAuthorization(basic).send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null)
                .expect(200).json().getString("access_token");
    }

    private static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object teamId(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("team").get("id");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(JsonObject view) {
        return view.getJsonArray("members").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Waits until the node sees exactly these members. */
    private static void awaitMembers(Api node, List<String> members) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<String> seen = List.of();
        while (System.nanoTime() < deadline) {
            seen = names(node.get("api/v1/organization/cluster").expect(200).json()).stream().sorted().toList();
            if (seen.equals(members.stream().sorted().toList())) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(node.root() + " sees " + seen + ", not " + members);
    }

    private static StandaloneServer node(String name, int offset, Map<String, String> environment) throws Exception {
        return new StandaloneServer(name, offset, environment, List.of("-c", "standalone-cluster.xml", "-Djboss.node.name=" + name));
    }

    private static Void start(StandaloneServer server) throws Exception {
        server.start();
        return null;
    }

    /** The PKCS12 file an operator makes once with keytool -genseckey: one AES key, "cluster", under the secret. */
    private static Path keystore(Path file, String secret) throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        var generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        store.setEntry("cluster", new KeyStore.SecretKeyEntry(generator.generateKey()), new KeyStore.PasswordProtection(secret.toCharArray()));
        try (var out = Files.newOutputStream(file)) {
            store.store(out, secret.toCharArray());
        }
        return file;
    }

    /** WildFly's readiness of a node: UP or DOWN (503), with the product's checks among those it aggregates. */
    private static String readiness(StandaloneServer node) {
        return Api.at(node.management()).get("health/ready").json().getString("status");
    }

    /** The version and name of the local PostgreSQL cluster the tests run on (Debian's pg_ctlcluster). */
    private static String[] postgresqlCluster() throws Exception {
        var process = new ProcessBuilder("pg_lsclusters", "--no-header").redirectErrorStream(true).start();
        String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertEquals(0, process.waitFor());
        String[] fields = first.trim().split("\\s+");
        return new String[] {fields[0], fields[1]};
    }

    private static void run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
