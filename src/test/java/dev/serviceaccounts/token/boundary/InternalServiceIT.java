package dev.serviceaccounts.token.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.inventory.InventoryApplication;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.ServerClock;
import dev.serviceaccounts.SharedDeployment;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example internal service (examples/internal-service), deployed beside the product as an
 * operator would deploy it, configured with nothing but our issuer and JWKS address: MicroProfile
 * JWT accepts our token service's JWTs and refuses expired, foreign-key and tampered ones.
 */
class InternalServiceIT extends ApiIT {

    private static final String WAR = "inventory.war";
    private static final String EXAMPLE = "examples/internal-service/src/main/";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static boolean deployed;

    @AfterEach
    void realTime() throws Exception {
        new ServerClock().reset();
    }

    @AfterAll
    static void undeploy() throws Exception {
        if (deployed) {
            SharedDeployment.execute(Operations.createRemoveOperation(Operations.createAddress("deployment", WAR)));
            deployed = false;
        }
    }

    /** The example WAR as its own pom builds it: its classes, its MicroProfile Config file, its web.xml. */
    private static synchronized void deploy() throws Exception {
        if (deployed) {
            return;
        }
        var war = ShrinkWrap.create(WebArchive.class, WAR)
                .addPackage(InventoryApplication.class.getPackage())
                .addAsResource(Path.of(EXAMPLE, "resources/META-INF/microprofile-config.properties").toFile(),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(Path.of(EXAMPLE, "webapp/WEB-INF/web.xml").toFile(), "web.xml");
        Path file = Path.of(System.getProperty("it.work"), WAR);
        Files.createDirectories(file.getParent());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        SharedDeployment.deploy(WAR, file);
        deployed = true;
    }

    /** The team the example service lets in, made once per database. */
    private String inventoryTeam() {
        var created = owner.post("api/v1/teams", Json.createObjectBuilder().add("name", "inventory").build());
        if (created.status() == 201) {
            return created.json().getString("id");
        }
        created.expect(409);
        return owner.get("api/v1/teams?size=100").expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(t -> t.getString("name").equals("inventory"))
                .findFirst().orElseThrow().getString("id");
    }

    private String token(String team, String role) {
        String id = fixtures.serviceAccount(team).getString("id");
        if (role != null) {
            owner.put("api/v1/service-accounts/" + id + "/roles", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("teamId", team).add("role", role)).build()).expect(200);
        }
        var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", JsonValue.EMPTY_JSON_OBJECT).expect(201).json();
        return anonymous.as(issued.getString("keyId"), issued.getString("secret"))
                .send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200).json().getString("access_token");
    }

    private int items(String token) {
        return anonymous.withAuthorization("Bearer " + token).get("inventory/api/items").status();
    }

    @Test
    void theExampleServiceAcceptsOurTokensAndRefusesExpiredForeignAndTamperedOnes() throws Exception {
        deploy();
        String team = inventoryTeam();
        String token = token(team, "VIEWER");

        Api service = anonymous.withAuthorization("Bearer " + token);
        var answer = service.get("inventory/api/items").expect(200).json();
        assertEquals(SignedJWT.parse(token).getJWTClaimsSet().getSubject(), answer.getString("account"));
        assertEquals(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("upn"), answer.getString("caller"));

        assertEquals(403, items(token(team, null)), "a valid token without a role in the team is authenticated but not allowed");
        assertNotEquals(200, anonymous.get("inventory/api/items").status(), "no token, no inventory");

        // expired: issued by a server whose clock stands 20 minutes back, so its 15 minutes are over
        new ServerClock().advance(Duration.ofMinutes(-20));
        String expired = token(team, "VIEWER");
        new ServerClock().reset();
        assertEquals(401, items(expired), "expired");

        // foreign key: the same claims and key id, signed by a key that is not ours
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        var header = SignedJWT.parse(token).getHeader();
        var foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(header.getKeyID()).build(), claims);
        foreign.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        assertEquals(401, items(foreign.serialize()), "signed by a foreign key");

        // tampered: our signature over a payload that now claims a role it did not have
        String[] parts = token.split("\\.");
        String payload = new JWTClaimsSet.Builder(claims).claim("groups", java.util.List.of("inventory:ADMIN")).build().toString();
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, items(tampered), "tampered");

        assertEquals(200, items(token), "the good token still works");
    }
}
