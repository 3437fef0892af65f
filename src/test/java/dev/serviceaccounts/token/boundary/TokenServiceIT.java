package dev.serviceaccounts.token.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.ServerClock;
import dev.serviceaccounts.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenServiceIT extends ApiIT {

    private static final String FORM = "application/x-www-form-urlencoded";

    @AfterEach
    void realTime() throws Exception {
        new ServerClock().reset();
    }

    /** An account in a fresh team, with the given role there, and a credential. */
    private record Account(String id, String team, String keyId, String secret) {
        Api basic(Api anonymous) {
            return anonymous.as(keyId, secret);
        }
    }

    private Account account(String role) {
        String team = fixtures.team();
        String id = fixtures.serviceAccount(team).getString("id");
        if (role != null) {
            owner.put("api/v1/service-accounts/" + id + "/roles", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("teamId", team).add("role", role)).build()).expect(200);
        }
        var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        return new Account(id, team, issued.getString("keyId"), issued.getString("secret"));
    }

    private String token(Account account) {
        var reply = account.basic(anonymous).send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200);
        assertEquals("no-store", reply.header("Cache-Control"));
        var body = reply.json();
        assertEquals("Bearer", body.getString("token_type"));
        assertTrue(body.getInt("expires_in") <= 900);
        return body.getString("access_token");
    }

    private Api bearer(String token) {
        return anonymous.withAuthorization("Bearer " + token);
    }

    /** A service account allowed to introspect, as an API client over HTTP Basic. */
    private Api introspector() {
        var introspector = account(null);
        owner.patch("api/v1/service-accounts/" + introspector.id(), Json.createObjectBuilder().add("introspector", true).build())
                .expect(200);
        return introspector.basic(anonymous);
    }

    private JsonObject introspect(Api as, String token) {
        return as.send("POST", "oauth2/introspect", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), FORM, null)
                .expect(200).json();
    }

    @Test
    void aClientCredentialsGrantGivesAJwtThatAPlainJoseLibraryVerifiesWithThePublishedKeys() throws Exception {
        var account = account("ADMIN");
        String token = token(account);
        var jwt = SignedJWT.parse(token);
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());

        var jwks = JWKSet.parse(anonymous.get(".well-known/jwks.json").expect(200).body());
        var key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the JWKS publishes the signing key");
        assertFalse(key.isPrivate(), "only public keys are published");
        assertTrue(jwt.verify(new ECDSAVerifier(key)), "the signature verifies with the published key");

        var claims = jwt.getJWTClaimsSet();
        var discovery = anonymous.get(".well-known/openid-configuration").expect(200).json();
        assertEquals(discovery.getString("issuer"), claims.getIssuer());
        assertTrue(discovery.getString("jwks_uri").endsWith("/.well-known/jwks.json"));
        assertEquals(account.id(), claims.getSubject());
        assertTrue(claims.getStringClaim("upn").startsWith("sa-"));
        assertEquals(List.of("service-accounts"), claims.getAudience());
        assertNotNull(claims.getJWTID());
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertTrue(lifetime > 0 && lifetime <= 15 * 60 * 1000, "at most 15 minutes: " + lifetime);
        assertEquals(1, claims.getStringListClaim("groups").size());
        assertTrue(claims.getStringListClaim("groups").get(0).endsWith(":ADMIN"));
        assertEquals(account.team(), ((java.util.Map<?, ?>) claims.getClaim("team")).get("id"));
        assertEquals(account.keyId(), claims.getStringClaim("client_id"));

        // Our own API accepts it, with the account's rights.
        var me = bearer(token).get("api/v1/me").expect(200).json();
        assertEquals("SERVICE_ACCOUNT", me.getString("kind"));
        bearer(token).get("api/v1/service-accounts?team=" + account.team()).expect(200);
    }

    @Test
    void theClientMayAuthenticateInTheFormAndNothingElseGetsAToken() {
        var account = account(null);
        var posted = anonymous.send("POST", "oauth2/token", "grant_type=client_credentials&client_id=" + account.keyId()
                + "&client_secret=" + account.secret(), FORM, null).expect(200).json();
        assertTrue(posted.getString("access_token").startsWith("eyJ"));

        account.basic(anonymous).send("POST", "oauth2/token", "grant_type=password", FORM, null).expect(400);
        assertEquals("unsupported_grant_type", account.basic(anonymous)
                .send("POST", "oauth2/token", "grant_type=password", FORM, null).json().getString("error"));
        assertEquals("invalid_request", account.basic(anonymous).send("POST", "oauth2/token", "", FORM, null).expect(400)
                .json().getString("error"));
        for (Api client : List.of(anonymous, anonymous.as(account.keyId(), account(null).secret()), owner,
                bearer(token(account)), anonymous.withAuthorization("Bearer " + account.secret()))) {
            var reply = client.send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(401);
            assertEquals("invalid_client", reply.json().getString("error"));
        }
        anonymous.send("POST", "oauth2/token", "grant_type=client_credentials&client_id=" + account.keyId()
                + "&client_secret=wrong", FORM, null).expect(401);
    }

    @Test
    void aJwtIsRefusedAtOnceWhenItsAccountIsDisabledOrDeletedOrItsCredentialRevoked() {
        var account = account(null);
        String token = token(account);
        bearer(token).get("api/v1/me").expect(200);
        owner.post("api/v1/service-accounts/" + account.id() + "/disable", "").expect(200);
        bearer(token).get("api/v1/me").problem(401);
        owner.post("api/v1/service-accounts/" + account.id() + "/enable", "").expect(200);
        bearer(token).get("api/v1/me").expect(200);
        owner.post("api/v1/service-accounts/" + account.id() + "/credentials/" + account.keyId() + "/revoke", "{}").expect(200);
        bearer(token).get("api/v1/me").problem(401);

        var other = account(null);
        String otherToken = token(other);
        owner.delete("api/v1/service-accounts/" + other.id()).expect(204);
        bearer(otherToken).get("api/v1/me").problem(401);
        bearer(otherToken.substring(0, otherToken.length() - 4) + "AAAA").get("api/v1/me").problem(401);
    }

    @Test
    void aJwtExpiresAndSigningKeysRotateWithoutBreakingLiveTokens() throws Exception {
        var account = account(null);
        String before = token(account);
        var rotated = owner.post("api/v1/organization/signing-keys/rotate", "").expect(200).json();
        String after = token(account);
        assertEquals(rotated.getString("kid"), SignedJWT.parse(after).getHeader().getKeyID());
        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), rotated.getString("kid"));
        var jwks = JWKSet.parse(anonymous.get(".well-known/jwks.json").expect(200).body());
        assertNotNull(jwks.getKeyByKeyId(SignedJWT.parse(before).getHeader().getKeyID()), "the old key stays published");
        assertNotNull(jwks.getKeyByKeyId(rotated.getString("kid")));
        bearer(before).get("api/v1/me").expect(200);
        bearer(after).get("api/v1/me").expect(200);
        fixtures.member("USER").api().post("api/v1/organization/signing-keys/rotate", "").problem(403);

        new ServerClock().advance(Duration.ofMinutes(17));
        bearer(before).get("api/v1/me").problem(401);
        bearer(after).get("api/v1/me").problem(401);
        var later = JWKSet.parse(anonymous.get(".well-known/jwks.json").expect(200).body());
        assertEquals(null, later.getKeyByKeyId(SignedJWT.parse(before).getHeader().getKeyID()),
                "a retired key leaves the JWKS once its tokens have expired");
        bearer(token(account)).get("api/v1/me").expect(200);
    }

    @Test
    void aForgedOrMalformedJwtIsRefusedAndNeverAnError() throws Exception {
        var account = account(null);
        String kid = SignedJWT.parse(token(account)).getHeader().getKeyID();
        Api as = introspector();
        var claims = new JWTClaimsSet.Builder().subject(account.id()).claim("client_id", account.keyId())
                .audience("service-accounts").expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        var foreignKey = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
        forged.sign(new ECDSASigner(foreignKey));
        var withoutKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), claims);
        withoutKid.sign(new ECDSASigner(foreignKey));
        String unsigned = new PlainJWT(claims).serialize();

        // Past the moment the server may reload its keys when a token names one it does not know.
        new ServerClock().advance(Duration.ofSeconds(6));
        for (String token : List.of(forged.serialize(), withoutKid.serialize(), unsigned, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln",
                "eyJhbGciOiJFUzI1NiIsImtpZCI6Im5vLXN1Y2gta2V5In0.e30.c2ln", "eyJub3QganNvbg.e30.c2ln", "eyJ")) {
            bearer(token).get("api/v1/me").problem(401);
            assertFalse(introspect(as, token).getBoolean("active"), token);
        }
    }

    @Test
    void introspectionTellsWhetherEachFormOfTokenIsGoodAndWhose() throws Exception {
        var account = account("VIEWER");
        String jwt = token(account);
        Api as = introspector();

        for (String token : List.of(jwt, account.secret())) {
            var active = introspect(as, token);
            assertTrue(active.getBoolean("active"), active.toString());
            assertEquals(account.id(), active.getString("sub"));
            assertTrue(active.getString("username").startsWith("sa-"));
            assertEquals(account.team(), active.getJsonObject("team").getString("id"));
            assertTrue(active.getJsonArray("roles").getString(0).endsWith(":VIEWER"));
            assertTrue(active.containsKey("exp"));
        }
        assertFalse(introspect(as, "sas_notatoken").getBoolean("active"));
        assertFalse(introspect(as, "eyJhbGciOiJFUzI1NiJ9.e30.c2ln").getBoolean("active"));
        assertFalse(introspect(as, "").getBoolean("active"));
        assertTrue(introspect(owner, jwt).getBoolean("active"), "OWNER and ORG_ADMIN may introspect");

        owner.post("api/v1/service-accounts/" + account.id() + "/disable", "").expect(200);
        assertFalse(introspect(as, jwt).getBoolean("active"));
        assertFalse(introspect(as, account.secret()).getBoolean("active"));
        owner.post("api/v1/service-accounts/" + account.id() + "/enable", "").expect(200);
        assertTrue(introspect(as, account.secret()).getBoolean("active"));

        new ServerClock().advance(Duration.ofMinutes(20));
        assertFalse(introspect(as, jwt).getBoolean("active"), "an expired JWT is inactive");
        assertTrue(introspect(as, account.secret()).getBoolean("active"));
        new ServerClock().advance(Duration.ofDays(91));
        assertFalse(introspect(owner, account.secret()).getBoolean("active"), "an expired credential is inactive");
        new ServerClock().reset();

        owner.post("api/v1/service-accounts/" + account.id() + "/credentials/" + account.keyId() + "/revoke", "{}").expect(200);
        assertFalse(introspect(as, account.secret()).getBoolean("active"), "a revoked credential is inactive");

        var plain = account(null);
        assertEquals(403, plain.basic(anonymous).send("POST", "oauth2/introspect", "token=x", FORM, null).status());
        assertEquals(401, anonymous.send("POST", "oauth2/introspect", "token=x", FORM, null).status());
        assertEquals(403, fixtures.member("USER").api().send("POST", "oauth2/introspect", "token=x", FORM, null).status());
        var teamAdmin = fixtures.teamAdmin(plain.team());
        teamAdmin.api().patch("api/v1/service-accounts/" + plain.id(),
                Json.createObjectBuilder().add("introspector", true).build()).problem(403);
    }

    @Test
    void aServerFaultWhileACredentialIsCheckedIsAServerErrorNeverA401OrAnHtmlPage() throws Exception {
        var account = account("ADMIN");
        var introspector = introspector();
        new ServerClock().breakDown(); // every credential check now throws inside the server

        var api = account.basic(anonymous).get("api/v1/me");
        var problem = api.problem(500); // JSON, not the container's HTML page
        var incident = Pattern.compile("incident ([0-9a-f-]{36})").matcher(problem.getString("detail"));
        assertTrue(incident.find(), problem.getString("detail"));
        anonymous.withAuthorization("Bearer " + account.secret()).get("api/v1/me").problem(500);

        var grant = account.basic(anonymous).send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null);
        assertEquals(500, grant.status(), grant::describe);
        assertEquals("server_error", grant.json().getString("error"));
        var introspection = introspector.send("POST", "oauth2/introspect", "token=x", FORM, null);
        assertEquals(500, introspection.status(), introspection::describe);
        assertEquals("server_error", introspection.json().getString("error"));

        String log = ServerLog.read();
        assertTrue(log.contains(incident.group(1)), "the operator finds the incident in the server log");
        assertFalse(log.contains(account.secret()), "the secret is never logged");

        new ServerClock().reset();
        account.basic(anonymous).get("api/v1/me").expect(200);
    }

    @Test
    void theTokenServiceNeverAnswersWithAStackTrace() {
        var reply = anonymous.send("POST", "oauth2/token", "%%%", FORM, null);
        assertTrue(reply.status() == 400 || reply.status() == 401, "status " + reply.status());
        assertFalse(reply.body().contains("Exception"), reply.body());
        assertEquals(405, anonymous.get("oauth2/token").status());
        assertFalse(anonymous.get("oauth2/token").body().contains("Exception"));
    }
}
