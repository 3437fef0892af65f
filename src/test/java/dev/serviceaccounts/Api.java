package dev.serviceaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The REST API as a client sees it: real HTTP to the server under test, as one caller. */
public final class Api {

    /** Generous: a server's first answers on a starved two-core machine have taken over a minute. */
    private static final Duration ANSWER_WITHIN = Duration.ofMinutes(5);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI root;
    private final String authorization;
    private final String cookie;
    private final String accept;

    private Api(URI root, String authorization, String cookie, String accept) {
        this.root = root;
        this.authorization = authorization;
        this.cookie = cookie;
        this.accept = accept;
    }

    public static Api at(URI root) {
        return new Api(root, null, null, "application/json");
    }

    /** Requests with this Accept header instead of application/json. */
    public Api withAccept(String header) {
        return new Api(root, authorization, cookie, header);
    }

    public Api as(String username, String password) {
        return withAuthorization("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public Api withAuthorization(String header) {
        return new Api(root, header, cookie, accept);
    }

    /** Requests with this Cookie header, as a browser holding that session would send them. */
    public Api withCookie(String header) {
        return new Api(root, authorization, header, accept);
    }

    /** The Authorization header this client sends, or null. */
    public String authorization() {
        return authorization;
    }

    public URI root() {
        return root;
    }

    public Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    /**
     * A GET from another loopback address (127.0.0.2 and so on, all this machine's), so the server
     * sees another client: written over a socket, as the JDK's client cannot choose its address.
     */
    public Reply getFrom(String localAddress, String path) {
        String request = "GET " + root.resolve(path).getRawPath() + (root.resolve(path).getRawQuery() == null ? "" : "?"
                + root.resolve(path).getRawQuery()) + " HTTP/1.0\r\nHost: " + root.getAuthority() + "\r\nAccept: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
        String answer = rawFrom(localAddress, root, request.getBytes(StandardCharsets.UTF_8));
        int end = answer.indexOf("\r\n\r\n");
        String[] head = answer.substring(0, end).split("\r\n");
        var headers = new java.util.TreeMap<String, java.util.List<String>>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).trim(), name -> new java.util.ArrayList<>())
                    .add(head[i].substring(colon + 1).trim());
        }
        return new Reply(root, "GET " + path + " from " + localAddress, Integer.parseInt(head[0].split(" ")[1]),
                java.net.http.HttpHeaders.of(headers, (name, value) -> true), answer.substring(end + 4));
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, "application/json", null);
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body, "application/json", null);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, "application/merge-patch+json", null);
    }

    public Reply patch(String path, Object body, String ifMatch) {
        return send("PATCH", path, body, "application/merge-patch+json", ifMatch);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null, null);
    }

    /** Any request; body is a JSON value or raw text, sent as is. */
    public Reply send(String method, String path, Object body, String contentType, String ifMatch) {
        var request = HttpRequest.newBuilder(root.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(ANSWER_WITHIN)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(root, method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /**
     * One request written byte for byte over a socket, answered as the server wrote it. For what
     * the JDK's client refuses to send (a malformed escape, a Host header of the test's choosing),
     * as a hostile client would: use HTTP/1.0, so the server closes when it has answered.
     */
    public static String raw(URI root, byte[] request) {
        return rawFrom(null, root, request);
    }

    /**
     * {@link #raw} from another loopback address (127.0.0.2 and so on, all of which are this
     * machine's), so the server sees another client address; null for the default.
     */
    public static String rawFrom(String localAddress, URI root, byte[] request) {
        try (var socket = new java.net.Socket()) {
            if (localAddress != null) {
                socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            }
            socket.connect(new java.net.InetSocketAddress(root.getHost(), root.getPort()), (int) ANSWER_WITHIN.toMillis());
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One answer, with assertions that print the body when they fail. */
    public record Reply(URI root, String request, int status, java.net.http.HttpHeaders headers, String body) {

        public Reply expect(int expected) {
            assertEquals(expected, status, this::describe);
            return this;
        }

        /** What was asked and answered; after a 5xx from the shared server, with that server's last logged errors. */
        public String describe() {
            String answer = request + " answered " + status + ": " + body;
            return status >= 500 && root.equals(SharedDeployment.ROOT)
                    ? answer + "\nLast errors in the server log:\n" + ServerLog.lastErrors()
                    : answer;
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** Asserts an RFC 9457 problem document with this status, and returns it. */
        public JsonObject problem(int expected) {
            expect(expected);
            assertEquals("application/problem+json", contentType(), this::describe);
            var problem = json();
            assertEquals(expected, problem.getInt("status"));
            return problem;
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }
}
