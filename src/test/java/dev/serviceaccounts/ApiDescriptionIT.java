package dev.serviceaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API description a client generator reads: every path the product serves, both schemes, the usual headers. */
class ApiDescriptionIT extends ApiIT {

    @Test
    void openApiDescribesEveryPathBothSchemesAndCarriesTheSecurityHeaders() {
        var reply = anonymous.get("openapi?format=JSON").expect(200);
        JsonObject description = reply.json();
        var paths = description.getJsonObject("paths");
        for (String path : List.of("/api/v1/me", "/api/v1/service-accounts", "/api/v1/service-accounts/{id}/credentials",
                "/api/v1/teams", "/api/v1/members", "/api/v1/audit-events", "/api/v1/organization/signing-keys",
                "/oauth2/token", "/oauth2/introspect", "/.well-known/oauth-authorization-server",
                "/.well-known/openid-configuration", "/.well-known/jwks.json", "/secret-scanning/reports",
                "/api/v1/webhooks", "/api/v1/webhooks/{id}/deliveries", "/api/v1/reports/expiring-credentials",
                "/api/v1/reports/idle-accounts", "/api/v1/audit-events/export")) {
            assertTrue(paths.containsKey(path), path + " is not described; described: " + paths.keySet());
        }
        var token = paths.getJsonObject("/oauth2/token").getJsonObject("post");
        assertTrue(token.getJsonObject("requestBody").getJsonObject("content").containsKey("application/x-www-form-urlencoded"));
        var schemes = description.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));

        for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy")) {
            assertEquals(anonymous.get("api/v1/me").header(header), reply.header(header), header + " as on every other answer");
            assertTrue(reply.header(header) != null && !reply.header(header).isBlank(), header);
        }
    }
}
