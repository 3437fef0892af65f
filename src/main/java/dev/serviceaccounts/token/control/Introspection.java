package dev.serviceaccounts.token.control;

import dev.serviceaccounts.http.JsonP;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.serviceaccounts.credential.control.CredentialCheck;
import dev.serviceaccounts.credential.control.TokenFormat;
import dev.serviceaccounts.credential.control.CredentialSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;

/**
 * RFC 7662: is this token good right now, and whose is it? For every form we issue (a secret, a
 * JWT), by the same rules that authenticate our own API. Anything else is just inactive.
 */
@ApplicationScoped
public class Introspection {

    private static final JsonObject INACTIVE = JsonP.object().add("active", false).build();

    @Inject
    CredentialCheck check;

    @Inject
    TokenIssuer tokens;

    @Inject
    Clock clock;

    public JsonObject inspect(String token) {
        if (token == null || token.isBlank()) {
            return INACTIVE;
        }
        JWTClaimsSet claims = null;
        String keyId;
        String secret = null;
        if (token.startsWith("eyJ")) {
            claims = tokens.verify(token);
            keyId = claims == null || !(claims.getClaim("client_id") instanceof String id) ? null : id;
        } else {
            keyId = TokenFormat.keyIdOf(token);
            secret = token;
        }
        if (keyId == null) {
            return INACTIVE;
        }
        CredentialSnapshot credential = check.find(keyId);
        if (credential == null || check.refusal(credential, secret, clock.instant()) != null
                || (claims != null && !credential.accountId().toString().equals(claims.getSubject()))) {
            return INACTIVE;
        }
        var answer = JsonP.object()
                .add("active", true)
                .add("token_type", claims == null ? "service_secret" : "access_token")
                .add("sub", credential.accountId().toString())
                .add("username", credential.identifier())
                .add("client_id", keyId)
                .add("roles", JsonP.array(credential.groups()));
        if (credential.teamId() != null) {
            answer.add("team", JsonP.object().add("id", credential.teamId().toString()).add("name", credential.teamName()));
        }
        if (claims != null) {
            answer.add("exp", claims.getExpirationTime().toInstant().getEpochSecond())
                    .add("iat", claims.getIssueTime().toInstant().getEpochSecond())
                    .add("iss", claims.getIssuer())
                    .add("aud", tokens.audience())
                    .add("jti", claims.getJWTID());
        } else if (credential.expiresAt() != null) {
            answer.add("exp", credential.expiresAt().getEpochSecond());
        }
        return answer.build();
    }
}
