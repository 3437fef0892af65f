package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.credential.boundary.CredentialUse;
import dev.serviceaccounts.credential.control.AuthenticationFailures.Reason;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.security.CallerIdentity;
import dev.serviceaccounts.serviceaccount.entity.RoleAssignment;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Validates what a service account presents: its key id and secret (Basic or bearer), or a JWT our
 * token service signed for one of its credentials. A secret failing the format's checksum, or a
 * JWT failing its signature or lifetime, is refused with no database work; otherwise one indexed
 * lookup by key id, then the rules of {@link CredentialCheck}. A JWT therefore stops working the
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
    @Transactional(Transactional.TxType.SUPPORTS)
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
        Credential credential = check.find(keyId);
        if (credential == null) {
            failures.record(Reason.UNKNOWN_KEY, keyId, null, null, null, sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        ServiceAccount account = credential.account();
        if (subject != null && !subject.equals(account.id().toString())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Instant now = clock.instant();
        Reason refusal = check.refusal(credential, secret, now);
        if (refusal != null) {
            failures.record(refusal, keyId, account.id(), account.identifier(), account.teamId(), sourceIp);
            return CredentialValidationResult.INVALID_RESULT;
        }
        use.note(credential.id(), sourceIp, now);
        return new CredentialValidationResult(new CallerIdentity(callerOf(account, keyId)), Set.of("SERVICE_ACCOUNT"));
    }

    /** The account as the policy sees it: global admin as ORG_ADMIN, ADMIN in a team as its administrator. */
    public static Caller callerOf(ServiceAccount account, String keyId) {
        Set<UUID> admin = new HashSet<>();
        Set<UUID> read = new HashSet<>();
        for (RoleAssignment role : account.roles()) {
            read.add(role.team().id());
            if (role.role() == TeamRole.ADMIN) {
                admin.add(role.team().id());
            }
        }
        return new Caller(ActorKind.SERVICE_ACCOUNT, account.id(), account.identifier(),
                AccessPolicy.orgRoleOfServiceAccount(account.globalAdmin()), admin, read, account.introspector(), keyId, null);
    }
}
