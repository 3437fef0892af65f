package dev.serviceaccounts.credential.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.credential.control.SecretReporters;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A secret scanner reports leaked secrets as GitHub's partners do: signed reports of strings that
 * look like our secrets. A real, active one stops working before the answer returns; anything else
 * gets the very same answer.
 */
class SecretReportsIT extends ApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] KEY = Base64.getDecoder().decode(System.getProperty("it.reporter.key"));

    private record Answer(int status, String contentType, String body) {
    }

    private Answer report(String reporter, byte[] key, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(base.resolve("secret-scanning/reports"))
                .header("Content-Type", "application/json")
                .header("X-Reporter", reporter)
                .header("X-Signature", "sha256=" + HexFormat.of().formatHex(SecretReporters.hmac(key, bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private static String reports(String... tokens) {
        var array = Json.createArrayBuilder();
        for (String token : tokens) {
            array.add(Json.createObjectBuilder().add("token", token).add("url", "https://git.example.com/leak").add("source", "commit"));
        }
        return array.build().toString();
    }

    private JsonObject credential(String accountId) {
        return owner.post("api/v1/service-accounts/" + accountId + "/credentials", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
    }

    @Test
    void aReportedSecretStopsWorkingBeforeTheAnswerAndTheReporterLearnsNothing() throws Exception {
        String accountId = fixtures.serviceAccount(fixtures.team()).getString("id");
        var leaked = credential(accountId);
        String keyId = leaked.getString("keyId");
        String secret = leaked.getString("secret");
        anonymous.as(keyId, secret).get("api/v1/me").expect(200);

        var real = report("it-scanner", KEY, reports(secret));
        assertEquals(202, real.status(), real.body());
        // no waiting: revoked before the answer came back
        anonymous.as(keyId, secret).get("api/v1/me").problem(401);
        anonymous.withAuthorization("Bearer " + secret).get("api/v1/me").problem(401);

        var event = owner.get("api/v1/audit-events?targetId=" + accountId + "&action=CREDENTIAL_REVOKED").expect(200).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("reporter:it-scanner", event.getJsonObject("actor").getString("name"));
        assertEquals("127.0.0.1", event.getString("sourceIp"));
        assertEquals("it-scanner", event.getJsonObject("details").getString("reporter"));
        assertEquals(keyId, event.getJsonObject("details").getString("keyId"));
        assertEquals("reported leaked", owner.get("api/v1/service-accounts/" + accountId + "/credentials").expect(200).array()
                .getJsonObject(0).getString("revokeReason"));

        String checksumWrong = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        String otherAccountsFormat = credential(fixtures.serviceAccount(null).getString("id")).getString("secret");
        String wrongRandomPart = otherAccountsFormat.substring(0, 24) + secret.substring(24); // its key id, another secret's rest
        for (String token : List.of(secret, checksumWrong, wrongRandomPart, "sas_not-a-secret", "", "hello")) {
            var answer = report("it-scanner", KEY, reports(token));
            assertEquals(real, answer, "the same answer for " + token);
        }
        var other = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/me")).header("Authorization", "Bearer " + otherAccountsFormat)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, other.statusCode(), "a reported string that is not that secret revoked nothing");
    }

    @Test
    void onlyConfiguredReportersWithAValidSignatureAreHeard() throws Exception {
        String accountId = fixtures.serviceAccount(null).getString("id");
        var issued = credential(accountId);
        String secret = issued.getString("secret");
        for (var forged : List.of(report("it-scanner", new byte[32], reports(secret)), report("someone", KEY, reports(secret)))) {
            assertEquals(401, forged.status(), forged.body());
            assertTrue(forged.contentType().startsWith("application/problem+json"), forged.contentType());
        }
        assertEquals(400, report("it-scanner", KEY, "{\"token\":\"" + secret + "\"}").status(), "an array is expected");
        assertEquals(400, report("it-scanner", KEY, "[{\"url\":1}]").status());
        anonymous.as(issued.getString("keyId"), secret).get("api/v1/me").expect(200);
    }

    @Test
    void aReportedLeakIsSentToWebhooksAndAnOrdinaryRevokeIsNot() throws Exception {
        try (var receiver = new dev.serviceaccounts.WebhookReceiver()) {
            var webhook = owner.post("api/v1/webhooks", Json.createObjectBuilder().add("url", receiver.url("leaks").toString())
                    .add("eventTypes", Json.createArrayBuilder().add("credential.leaked")).build()).expect(201).json();
            String webhookId = webhook.getJsonObject("webhook").getString("id");
            try {
                String accountId = fixtures.serviceAccount(null).getString("id");
                var leaked = credential(accountId);
                var revoked = credential(accountId);
                owner.post("api/v1/service-accounts/" + accountId + "/credentials/" + revoked.getString("keyId") + "/revoke", "{}")
                        .expect(200);
                assertEquals(202, report("it-scanner", KEY, reports(leaked.getString("secret"))).status());

                var sent = receiver.await(dev.serviceaccounts.WebhookReceiver.event("credential.leaked", accountId), 1,
                        java.time.Duration.ofSeconds(60)).get(0);
                assertTrue(sent.signedWith(webhook.getString("secret")));
                var details = sent.json().getJsonObject("data").getJsonObject("details");
                assertEquals(leaked.getString("keyId"), details.getString("keyId"));
                assertEquals("it-scanner", details.getString("reporter"));
                Thread.sleep(3_000);
                assertEquals(1, receiver.received(r -> true).size(), "the ordinary revoke is no leak");
            } finally {
                owner.delete("api/v1/webhooks/" + webhookId).expect(204);
            }
        }
    }
}
