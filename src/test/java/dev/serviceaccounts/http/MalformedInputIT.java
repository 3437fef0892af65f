package dev.serviceaccounts.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.ServerLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, as a fuzzer or a careless client sends it, to every endpoint family: the API
 * (problem documents), the OAuth endpoints (RFC 6749 JSON) and the discovery documents (problem
 * documents). Each answer is a 4xx in the family's shape, naming the offending field where there
 * is one, and the server log gains no error and no stack trace.
 */
class MalformedInputIT extends ApiIT {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PROBLEM = "application/problem+json";
    private static final String OAUTH = "application/json";

    /** One hostile request and what must come back: a 4xx of this status (0: any 4xx), this content type, this field. */
    private record Case(String name, String method, String path, String contentType, String accept, String body,
                        int status, String answerType, String pointer) {
    }

    private static String many(String separator) {
        return IntStream.range(0, RequestGuard.MAX_PARAMETERS + 1).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining(separator));
    }

    private static String nested(int depth) {
        return "{\"name\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private List<Case> cases(String accountId) {
        String credentials = "api/v1/service-accounts/" + accountId + "/credentials";
        String account = "api/v1/service-accounts/" + accountId;
        var cases = new ArrayList<Case>();
        // JSON numbers that are not exact integers in range
        for (String number : List.of("1.5", "4294967297", "1e999999", "-1e-999999", "\"30\"")) {
            cases.add(new Case("lifetime " + number, "POST", credentials, JSON, JSON, "{\"lifetimeDays\":" + number + "}",
                    400, PROBLEM, "/lifetimeDays"));
        }
        cases.add(new Case("oauth JSON number", "POST", "oauth2/token", JSON, JSON, "{\"grant_type\":1.5}", 400, OAUTH, null));
        // every 400/422 names the offending field, on POST and PATCH alike; unknown fields are 400 on both
        cases.add(new Case("POST unknown field", "POST", "api/v1/teams", JSON, JSON, "{\"name\":\"x\",\"seats\":1}", 400, PROBLEM, "/seats"));
        cases.add(new Case("PATCH unknown field", "PATCH", account, "application/merge-patch+json", JSON, "{\"seats\":1}",
                400, PROBLEM, "/seats"));
        cases.add(new Case("POST wrong type", "POST", "api/v1/teams", JSON, JSON, "{\"name\":true}", 400, PROBLEM, "/name"));
        cases.add(new Case("PATCH wrong type", "PATCH", account, "application/merge-patch+json", JSON, "{\"displayName\":7}",
                400, PROBLEM, "/displayName"));
        cases.add(new Case("POST nested field", "POST", "api/v1/service-accounts", JSON, JSON,
                "{\"identifier\":\"nested-x\",\"roles\":[{\"teamId\":\"nope\",\"role\":\"VIEWER\"}]}", 400, PROBLEM, "/roles/0/teamId"));
        cases.add(new Case("POST rule broken", "POST", "api/v1/teams", JSON, JSON, "{\"name\":\"\"}", 422, PROBLEM, "/name"));
        cases.add(new Case("PATCH rule broken", "PATCH", account, "application/merge-patch+json", JSON, "{\"identifier\":\"BAD ID\"}",
                422, PROBLEM, "/identifier"));
        // Accept with a bad quality value, on every family
        for (String path : List.of("api/v1/me", ".well-known/jwks.json")) {
            cases.add(new Case("bad q " + path, "GET", path, null, "application/json;q=abc", null, 400, PROBLEM, null));
            cases.add(new Case("q over 1 " + path, "GET", path, null, "application/json;q=1.5", null, 400, PROBLEM, null));
            cases.add(new Case("no subtype " + path, "GET", path, null, "text", null, 400, PROBLEM, null));
        }
        cases.add(new Case("bad q oauth", "POST", "oauth2/token", FORM, "application/json;q=abc", "grant_type=client_credentials",
                400, OAUTH, null));
        // Content-Type */* and other unreadable ones
        cases.add(new Case("content */*", "POST", "api/v1/teams", "*/*", JSON, "{\"name\":\"x\"}", 415, PROBLEM, null));
        cases.add(new Case("content q", "POST", "api/v1/teams", "application/json;q=x", JSON, "{\"name\":\"x\"}", 400, PROBLEM, null));
        cases.add(new Case("content no subtype", "POST", "api/v1/teams", "text", JSON, "{\"name\":\"x\"}", 400, PROBLEM, null));
        cases.add(new Case("oauth content */*", "POST", "oauth2/token", "*/*", JSON, "grant_type=client_credentials", 400, OAUTH, null));
        cases.add(new Case("introspect content */*", "POST", "oauth2/introspect", "*/*", JSON, "token=x", 400, OAUTH, null));
        // nested deeper than the limit
        cases.add(new Case("deep JSON", "POST", "api/v1/teams", JSON, JSON, nested(JsonInput.MAX_DEPTH + 1), 400, PROBLEM, null));
        cases.add(new Case("very deep JSON", "PATCH", account, "application/merge-patch+json", JSON, nested(100_000), 400, PROBLEM, null));
        // more parameters than the container's limit
        cases.add(new Case("api many parameters", "GET", "api/v1/service-accounts?" + many("&"), null, JSON, null, 400, PROBLEM, null));
        cases.add(new Case("well-known many parameters", "GET", ".well-known/jwks.json?" + many("&"), null, JSON, null, 400, PROBLEM, null));
        cases.add(new Case("oauth many in query", "POST", "oauth2/token?" + many("&"), FORM, JSON, "grant_type=client_credentials",
                400, OAUTH, null));
        cases.add(new Case("oauth many in body", "POST", "oauth2/introspect", FORM, JSON, many("&"), 400, OAUTH, null));
        // malformed percent-escapes
        for (String escape : List.of("%zz", "%", "%4", "%C3%28")) {
            cases.add(new Case("api query " + escape, "GET", "api/v1/service-accounts?q=" + escape, null, JSON, null, 0, PROBLEM, null));
            cases.add(new Case("oauth body " + escape, "POST", "oauth2/token", FORM, JSON, "grant_type=" + escape, 0, OAUTH, null));
        }
        cases.add(new Case("api path %zz", "GET", "api/v1/service-accounts/%zz", null, JSON, null, 0, PROBLEM, null));
        cases.add(new Case("well-known query %zz", "GET", ".well-known/jwks.json?x=%zz", null, JSON, null, 400, PROBLEM, null));
        cases.add(new Case("oauth query %zz", "POST", "oauth2/token?x=%zz", FORM, JSON, "grant_type=client_credentials", 400, OAUTH, null));
        // unknown and wrong methods
        for (String method : List.of("FOO", "PROPFIND", "BREW")) {
            cases.add(new Case("api " + method, method, "api/v1/me", null, JSON, null, 405, PROBLEM, null));
            cases.add(new Case("oauth " + method, method, "oauth2/token", null, JSON, null, 405, OAUTH, null));
            cases.add(new Case("well-known " + method, method, ".well-known/openid-configuration", null, JSON, null, 405, PROBLEM, null));
        }
        return cases;
    }

    @Test
    void everyMalformedInputIsA4xxInItsFamilysShapeWithNoErrorInTheServerLog() throws Exception {
        String accountId = fixtures.serviceAccount(null).getString("id");
        long logBefore = Files.size(ServerLog.path());
        var failures = new ArrayList<String>();
        for (Case c : cases(accountId)) {
            var answer = send(c);
            String type = answer.header("content-type");
            String describe = c.name() + ": " + c.method() + " " + abbreviate(c.path()) + " answered " + answer.status() + " " + type
                    + " " + abbreviate(answer.body());
            boolean statusOk = c.status() == 0 ? answer.status() >= 400 && answer.status() < 500 : answer.status() == c.status();
            boolean typeOk = type.startsWith(c.answerType()) && !(c.answerType().equals(OAUTH) && type.startsWith(PROBLEM));
            boolean shapeOk = c.answerType().equals(PROBLEM) ? answer.body().contains("\"status\":" + answer.status())
                    : answer.body().contains("\"error\":\"");
            boolean fieldOk = c.pointer() == null || answer.body().contains("\"pointer\":\"" + c.pointer() + "\"");
            if (!statusOk || !typeOk || !shapeOk || !fieldOk) {
                failures.add(describe);
            }
        }
        assertEquals(List.of(), failures, "answers not in the family's 4xx shape");

        byte[] log = Files.readAllBytes(ServerLog.path());
        String logged = new String(log, (int) logBefore, log.length - (int) logBefore, StandardCharsets.UTF_8);
        var errors = logged.lines().filter(l -> l.contains(" ERROR ") || l.contains(" SEVERE ") || l.startsWith("\tat ")).toList();
        assertTrue(errors.isEmpty(), "the server logged errors for client mistakes:\n" + String.join("\n", errors));
        owner.get("api/v1/me").expect(200); // and the server still answers
    }

    private record Answer(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * One HTTP/1.0 request written byte for byte over a socket: the JDK's client refuses to send
     * most of these (a malformed escape is not a URI to it), and a hostile client is not so polite.
     */
    private Answer send(Case c) throws Exception {
        var head = new StringBuilder(c.method() + " /" + c.path() + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\n")
                .append("Authorization: ").append(owner.authorization()).append("\r\n");
        if (c.contentType() != null) {
            head.append("Content-Type: ").append(c.contentType()).append("\r\n");
        }
        if (c.accept() != null) {
            head.append("Accept: ").append(c.accept()).append("\r\n");
        }
        byte[] body = c.body() == null ? new byte[0] : c.body().getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        var request = new java.io.ByteArrayOutputStream();
        request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        String raw = Api.raw(base, request.toByteArray());
        int end = raw.indexOf("\r\n\r\n");
        var lines = raw.substring(0, end).split("\r\n");
        var headers = new java.util.HashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
