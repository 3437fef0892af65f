package dev.serviceaccounts.authentication;

import dev.serviceaccounts.credential.control.AuthenticationFailures;
import dev.serviceaccounts.credential.control.CredentialCheck;
import dev.serviceaccounts.credential.control.CredentialSnapshot;
import dev.serviceaccounts.credential.control.CredentialUse;
import dev.serviceaccounts.credential.control.TokenFormat;
import dev.serviceaccounts.credential.control.AuthenticationFailures.Reason;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Validates what a service account presents: its key id and secret (Basic or bearer), or a JWT our
 * token service signed for one of its credentials. A secret failing the format's checksum, or a
 * JWT failing its signature or lifetime, is refused with no database work; otherwise one indexed
 * lookup by key id (or a cache hit), then the rules of {@link CredentialCheck}. A JWT therefore stops working the
 * moment its account is disabled or deleted, or the credential that obtained it is revoked.
 * Every refusal looks the same to the client; the real reason goes to the audit trail.
 */
@ApplicationScoped
public class ServiceKeyIdentityStore implements IdentityStore {

    @Inject
    CredentialCheck check;

    @Inject
    TokenIssuer tokens;

    @Inject
    CredentialUse use;

    @Inject
    AuthenticationFailures failures;

    @Inject
    Clock clock;

    @Override
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential presented) {
        if (presented instanceof ServiceKeyCredential key) {
            if (TokenFormat.keyIdOf(key.secret()) == null) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            return validate(key.keyId(), key.secret(), null, key.sourceIp());
        }
        if (presented instanceof JwtCredential jwt) {
            var claims = tokens.verify(jwt.token());
            Object keyId = claims == null ? null : claims.getClaim("client_id");
            if (!(keyId instanceof String id) || !TokenFormat.looksLikeKeyId(id)) {
                return CredentialValidationResult.INVALID_RESULT;
            }
            return validate(id, null, claims.getSubject(), jwt.sourceIp());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validate(String keyId, String secret, String subject, String sourceIp) {
        CredentialSnapshot credential = check.find(keyId);
        if (credential == null) {
            failures.record(Reason.UNKNOWN_KEY, keyId, null, null, null, sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (subject != null && !subject.equals(credential.accountId().toString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Instant now = clock.instant();
        Reason refusal = check.refusal(credential, secret, now);
        if (refusal != null) {
            failures.record(refusal, keyId, credential.accountId(), credential.identifier(), credential.teamId(), sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        use.note(credential.credentialId(), credential.accountId(), sourceIp, now);
        var caller = secret != null ? credential.caller() : credential.caller().byToken(); // no secret: a JWT proved it
        return new CredentialValidationResult(new CallerIdentity(caller), Set.of("SERVICE_ACCOUNT"));
    }
}
