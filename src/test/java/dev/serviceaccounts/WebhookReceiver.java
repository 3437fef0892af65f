package dev.serviceaccounts;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on loopback, as a customer would run one: it records every request and
 * answers with the status its answer function gives. It verifies signatures the way the Standard
 * Webhooks specification tells receivers to, written here from the specification, not from the server's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String id, String timestamp, String signature, String body, int answered) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String type() {
            return json().getString("type");
        }

        /** Standard Webhooks: any of the space-separated "v1,<base64>" equals HMAC-SHA256(secret bytes, id.timestamp.body). */
        public boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : signature.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile Function<Received, Integer> answer = request -> 200;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            var request = new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, 0);
            int status = "POST".equals(exchange.getRequestMethod()) ? answer.apply(request) : 405;
            synchronized (received) {
                received.add(new Received(request.id(), request.timestamp(), request.signature(), body, status));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    public void answer(Function<Received, Integer> answer) {
        this.answer = answer;
    }

    public List<Received> received(Predicate<Received> which) {
        synchronized (received) {
            return received.stream().filter(which).toList();
        }
    }

    /** Waits until at least {@code count} received requests match, and returns them all. */
    public List<Received> await(Predicate<Received> which, int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            var found = received(which);
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Waited " + within.toSeconds() + " s for " + count + " matching webhook requests; got "
                + received(which).size() + " of " + received(r -> true).size());
    }

    /** A predicate: a request of this event type about this target (an account id). */
    public static Predicate<Received> event(String type, String targetId) {
        return request -> {
            var json = request.json();
            return json.getString("type").equals(type) && json.getJsonObject("data").getJsonObject("target") != null
                    && targetId.equals(json.getJsonObject("data").getJsonObject("target").getString("id", null));
        };
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
