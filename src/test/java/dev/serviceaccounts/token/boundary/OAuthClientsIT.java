package dev.serviceaccounts.token.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The token service as a widely used OAuth 2.0 client library (Nimbus OAuth 2.0 SDK) drives it,
 * with nothing configured but the issuer: discovery, both client authentication methods for the
 * grant and for introspection, and offline verification of the JWT with the published keys.
 */
class OAuthClientsIT extends ApiIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    private record Client(String accountId, String keyId, String secret) {
    }

    private Client client() {
        String id = fixtures.serviceAccount(fixtures.team()).getString("id");
        var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        return new Client(id, issued.getString("keyId"), issued.getString("secret"));
    }

    /** An introspecting client: a service account with the introspector right. */
    private Client introspector() {
        var client = client();
        owner.patch("api/v1/service-accounts/" + client.accountId(), Json.createObjectBuilder().add("introspector", true).build())
                .expect(200);
        return client;
    }

    private AuthorizationServerMetadata discover() throws Exception {
        String issuer = anonymous.get(".well-known/openid-configuration").expect(200).json().getString("issuer");
        return AuthorizationServerMetadata.resolve(new Issuer(issuer));
    }

    @Test
    void aStandardClientDiscoversTheServiceAndUsesBothAuthenticationMethodsForGrantAndIntrospection() throws Exception {
        var metadata = discover();
        assertEquals(URI.create(base.toString() + "oauth2/token"), metadata.getTokenEndpointURI());
        for (var endpointMethods : List.of(metadata.getTokenEndpointAuthMethods(), metadata.getIntrospectionEndpointAuthMethods())) {
            assertTrue(endpointMethods.containsAll(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                    ClientAuthenticationMethod.CLIENT_SECRET_POST)), endpointMethods.toString());
        }
        var introspector = introspector();
        List<BiFunction<String, String, ClientAuthentication>> methods = List.of(
                (id, secret) -> new ClientSecretBasic(new ClientID(id), new Secret(secret)),
                (id, secret) -> new ClientSecretPost(new ClientID(id), new Secret(secret)));
        for (var method : methods) {
            var client = client();
            var auth = method.apply(client.keyId(), client.secret());
            var response = TokenResponse.parse(new TokenRequest(metadata.getTokenEndpointURI(), auth, new ClientCredentialsGrant(), null)
                    .toHTTPRequest().send());
            assertTrue(response.indicatesSuccess(), () -> auth.getMethod() + ": " + response.toErrorResponse().getErrorObject());
            AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
            assertEquals("Bearer", token.getType().getValue());
            assertTrue(token.getLifetime() > 0 && token.getLifetime() <= 900);

            // verified offline, as a resource server does: published keys, issuer, audience, lifetime
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                    JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(false).build()));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("service-accounts",
                    new JWTClaimsSet.Builder().issuer(metadata.getIssuer().getValue()).build(), Set.of("sub", "exp", "iat", "jti")));
            var claims = processor.process(token.getValue(), null);
            assertEquals(client.accountId(), claims.getSubject());

            // introspected by a client that authenticates the same way
            var introspection = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                    method.apply(introspector.keyId(), introspector.secret()), token).toHTTPRequest().send());
            assertTrue(introspection.indicatesSuccess(), auth.getMethod() + " introspection: " + introspection);
            var answer = introspection.toSuccessResponse();
            assertTrue(answer.isActive());
            assertEquals(client.accountId(), answer.getSubject().getValue());
            assertEquals(client.keyId(), answer.getClientID().getValue());

            var revoked = owner.post("api/v1/service-accounts/" + client.accountId() + "/credentials/" + client.keyId() + "/revoke", "{}");
            revoked.expect(200);
            assertFalse(TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                    method.apply(introspector.keyId(), introspector.secret()), new BearerAccessToken(token.getValue()))
                    .toHTTPRequest().send()).toSuccessResponse().isActive(), "a revoked credential's token is inactive");
        }
    }

    @Test
    void basicCredentialsAreFormUrlDecodedAsRfc6749AsksAndTheRawFormStillWorks() {
        var client = client();
        for (String id : List.of(client.keyId(), percentEncodeEverything(client.keyId()))) {
            for (String secret : List.of(client.secret(), percentEncodeEverything(client.secret()))) {
                String header = "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
                var grant = anonymous.withAuthorization(header).send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null);
                assertEquals(200, grant.status(), id + ":" + secret + " -> " + grant.describe());
                anonymous.withAuthorization(header).get("api/v1/me").expect(200); // the API decodes alike
            }
        }
    }

    @Test
    void aClientSecretInTheAddressOrTwoMethodsAtOnceAreRefused() {
        var client = client();
        var inQuery = anonymous.send("POST", "oauth2/token?client_id=" + client.keyId() + "&client_secret=" + client.secret(),
                "grant_type=client_credentials", FORM, null);
        assertEquals(400, inQuery.status(), inQuery::describe);
        assertEquals("invalid_request", inQuery.json().getString("error"));

        var twice = anonymous.as(client.keyId(), client.secret()).send("POST", "oauth2/token",
                "grant_type=client_credentials&client_id=" + client.keyId() + "&client_secret=" + client.secret(), FORM, null);
        assertEquals(400, twice.status(), twice::describe);
        assertEquals("invalid_request", twice.json().getString("error"));

        var repeated = anonymous.as(client.keyId(), client.secret()).send("POST", "oauth2/token",
                "grant_type=client_credentials&grant_type=client_credentials", FORM, null);
        assertEquals("invalid_request", repeated.json().getString("error"), repeated::describe);
    }

    @Test
    void wrongMethodsAreAnsweredInTheOAuthShapeNeverHtmlOr501() {
        for (String path : List.of("oauth2/token", "oauth2/introspect")) {
            for (String method : List.of("GET", "PUT", "DELETE", "FOO")) {
                var reply = anonymous.send(method, path, null, null, null);
                assertEquals(405, reply.status(), reply::describe);
                assertEquals("POST", reply.header("Allow"));
                assertTrue(reply.contentType().startsWith("application/json"), reply::describe);
                assertEquals("invalid_request", reply.json().getString("error"));
            }
        }
        for (String path : List.of(".well-known/jwks.json", ".well-known/openid-configuration", ".well-known/oauth-authorization-server")) {
            var reply = anonymous.send("POST", path, "", FORM, null);
            assertEquals(405, reply.status(), reply::describe);
            assertEquals("GET, HEAD", reply.header("Allow"));
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::describe);
        }
    }

    @Test
    void aForgedHostHeaderChangesNeitherTheIssuerNorTheDiscoveryDocuments() throws Exception {
        JsonObject honest = anonymous.get(".well-known/oauth-authorization-server").expect(200).json();
        for (String document : List.of(".well-known/oauth-authorization-server", ".well-known/openid-configuration")) {
            String forged = raw("GET /" + document + " HTTP/1.0\r\nHost: attacker.example\r\n\r\n");
            assertTrue(forged.matches("(?s)HTTP/1\\.[01] 200 .*"), forged);
            assertFalse(forged.contains("attacker.example"), forged);
            assertTrue(forged.contains("\"issuer\":\"" + honest.getString("issuer") + "\""), forged);
        }
        var client = client();
        String body = "grant_type=client_credentials&client_id=" + client.keyId() + "&client_secret=" + client.secret();
        String granted = raw("POST /oauth2/token HTTP/1.0\r\nHost: attacker.example\r\nContent-Type: " + FORM + "\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        var token = Json.createReader(new java.io.StringReader(granted.substring(granted.indexOf("\r\n\r\n") + 4))).readObject();
        var claims = com.nimbusds.jwt.SignedJWT.parse(token.getString("access_token")).getJWTClaimsSet();
        assertEquals(honest.getString("issuer"), claims.getIssuer());
    }

    @Test
    void aJwtAuthenticatesApiCallsButCannotMintALongLivedSecret() {
        var client = client();
        String jwt = anonymous.as(client.keyId(), client.secret())
                .send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200).json().getString("access_token");
        Api bearer = anonymous.withAuthorization("Bearer " + jwt);
        bearer.get("api/v1/me").expect(200);
        var refused = bearer.post("api/v1/me/credentials/rotate", JsonValue.EMPTY_JSON_OBJECT).problem(403);
        assertTrue(refused.getString("detail").contains("key id and secret"), refused.toString());
        var listed = owner.get("api/v1/service-accounts/" + client.accountId() + "/credentials").expect(200).array();
        assertEquals(1, listed.size(), "the refused rotation issued nothing");
        assertEquals("ACTIVE", listed.getJsonObject(0).getString("state"));
        // the secret itself may rotate, as before
        anonymous.as(client.keyId(), client.secret()).post("api/v1/me/credentials/rotate", JsonValue.EMPTY_JSON_OBJECT).expect(200);
    }

    private static String percentEncodeEverything(String value) {
        var encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b));
        }
        return encoded.toString();
    }

    /** One HTTP/1.0 request over a plain socket, as written: the JDK's client will not send a Host header of our choosing. */
    private String raw(String request) {
        return Api.raw(base, request.getBytes(StandardCharsets.UTF_8));
    }
}
