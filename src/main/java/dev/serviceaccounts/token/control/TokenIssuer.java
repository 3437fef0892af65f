package dev.serviceaccounts.token.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.serviceaccounts.credential.control.CredentialSnapshot;
import dev.serviceaccounts.serviceaccount.entity.RoleAssignment;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived ES256 JWTs for a service account, and their verification: signature by a published
 * key, audience, expiry. Claims: iss, sub (account id), upn and preferred_username (identifier),
 * groups (roles), team, client_id (the key id that obtained it), jti, iat, exp, aud.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final int MAX_LIFETIME_SECONDS = 900;
    static final long CLOCK_SKEW_SECONDS = 30;

    @Inject
    KeyRing keys;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "JWT_LIFETIME_SECONDS", defaultValue = "900")
    int lifetimeSeconds;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE", defaultValue = "service-accounts")
    String audience;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER")
    Optional<String> configuredIssuer;

    // The server's own address, the issuer when JWT_ISSUER is unset (WildFly's socket bindings): its
    // HTTPS listener when it serves TLS itself (wildfly-config/tls.cli), else its HTTP listener.
    @Inject
    @ConfigProperty(name = "TLS_ENABLED", defaultValue = "false")
    boolean tls;

    @Inject
    @ConfigProperty(name = "jboss.https.port", defaultValue = "8443")
    int httpsPort;

    @Inject
    @ConfigProperty(name = "jboss.bind.address", defaultValue = "127.0.0.1")
    String bindAddress;

    @Inject
    @ConfigProperty(name = "jboss.http.port", defaultValue = "8080")
    int httpPort;

    @Inject
    @ConfigProperty(name = "jboss.socket.binding.port-offset", defaultValue = "0")
    int portOffset;

    private String issuer;

    public record Issued(String token, int expiresIn) {
    }

    /** Tokens whose signature, audience and issuer were verified, kept until they expire. */
    private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();
    private static final int VERIFIED_MAX = 50_000;

    /**
     * The {@code iss} of every token and the base of every address the discovery documents give:
     * JWT_ISSUER (the server's public address, as clients reach it), else the address this server
     * listens on. Never taken from a request, so a forged Host header changes nothing.
     */
    public String issuer() {
        return issuer;
    }

    @PostConstruct
    void init() {
        issuer = configuredIssuer.map(String::strip).filter(i -> !i.isEmpty()).map(i -> i.replaceAll("/+$", ""))
                .orElseGet(this::ownAddress);
    }

    private String ownAddress() {
        String host = switch (bindAddress) {
            case "0.0.0.0", "::" -> "localhost"; // listening everywhere names no one address
            default -> bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        };
        return tls ? "https://" + host + ":" + (httpsPort + portOffset) : "http://" + host + ":" + (httpPort + portOffset);
    }

    public String audience() {
        return audience;
    }

    public int lifetimeSeconds() {
        return Math.max(60, Math.min(lifetimeSeconds, MAX_LIFETIME_SECONDS));
    }

    /** A token for the account behind a credential, from the credential's cached snapshot. */
    public Issued issue(CredentialSnapshot credential) {
        Instant now = clock.instant();
        int lifetime = lifetimeSeconds();
        var team = credential.teamId() == null ? null : new LinkedHashMap<String, Object>();
        if (team != null) {
            team.put("id", credential.teamId().toString());
            team.put("name", credential.teamName());
        }
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(credential.accountId().toString())
                .audience(audience)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetime)))
                .claim("upn", credential.identifier())
                .claim("preferred_username", credential.identifier())
                .claim("groups", credential.groups())
                .claim("team", team)
                .claim("client_id", credential.keyId())
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.currentKid())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(keys.signer());
            return new Issued(jwt.serialize(), lifetime);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /**
     * The claims of a token we signed that is still within its lifetime, or null. A signature is
     * verified once per token; later calls only check the lifetime.
     */
    public JWTClaimsSet verify(String token) {
        JWTClaimsSet known = verified.get(token);
        if (known != null) {
            if (known.getExpirationTime().toInstant().plusSeconds(CLOCK_SKEW_SECONDS).isAfter(clock.instant())) {
                return known;
            }
            verified.remove(token);
            return null;
        }
        JWTClaimsSet claims = verifySignatureAndClaims(token);
        if (claims != null) {
            if (verified.size() >= VERIFIED_MAX) {
                verified.clear();
            }
            verified.put(token, claims);
        }
        return claims;
    }

    private JWTClaimsSet verifySignatureAndClaims(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return null;
            }
            var verifier = keys.verifier(jwt.getHeader().getKeyID());
            if (verifier == null || !jwt.verify(verifier)) {
                return null;
            }
            var claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().plusSeconds(CLOCK_SKEW_SECONDS).isAfter(now)
                    || claims.getAudience() == null || !claims.getAudience().contains(audience)
                    || !issuer().equals(claims.getIssuer())) {
                return null;
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return null;
        }
    }
}
