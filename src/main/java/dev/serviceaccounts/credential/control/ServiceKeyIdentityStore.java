package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.credential.boundary.CredentialUse;
import dev.serviceaccounts.credential.control.AuthenticationFailures.Reason;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.credential.entity.Credential.State;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.security.CallerIdentity;
import dev.serviceaccounts.serviceaccount.entity.RoleAssignment;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.Status;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Validates a service credential: a secret that fails the token format's checksum is refused
 * without touching the database; otherwise one indexed lookup by key id, a constant-time comparison of
 * keyed hashes, then expiry, revocation and the account's status. Every refusal looks the same to
 * the client; the real reason goes to the audit trail.
 */
@ApplicationScoped
public class ServiceKeyIdentityStore implements IdentityStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    ServerKey serverKey;

    @Inject
    CredentialUse use;

    @Inject
    AuthenticationFailures failures;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public CredentialValidationResult validate(jakarta.security.enterprise.credential.Credential presented) {
        if (!(presented instanceof ServiceKeyCredential key)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (TokenFormat.keyIdOf(key.secret()) == null) {
            return CredentialValidationResult.INVALID_RESULT; // malformed or mistyped: no database work at all
        }
        var found = em.createNamedQuery(Credential.BY_KEY_ID, Credential.class)
                .setParameter("keyId", key.keyId())
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Credential.WITH_ACCOUNT_AND_ROLES))
                .getResultList();
        if (found.isEmpty()) {
            failures.record(Reason.UNKNOWN_KEY, key.keyId(), null, null, null, key.sourceIp());
            return CredentialValidationResult.INVALID_RESULT;
        }
        var credential = found.get(0);
        ServiceAccount account = credential.account();
        Reason refusal = refusal(credential, account, key.secret(), clock.instant());
        if (refusal != null) {
            failures.record(refusal, key.keyId(), account.id(), account.identifier(), account.teamId(), key.sourceIp());
            return CredentialValidationResult.INVALID_RESULT;
        }
        use.note(credential.id(), key.sourceIp(), clock.instant());
        return new CredentialValidationResult(new CallerIdentity(callerOf(account, key.keyId())), Set.of("SERVICE_ACCOUNT"));
    }

    private Reason refusal(Credential credential, ServiceAccount account,
                           String secret, Instant now) {
        if (!serverKey.matches(secret, credential.secretHash())) {
            return Reason.WRONG_SECRET;
        }
        var state = credential.stateAt(now);
        if (state == State.REVOKED) {
            return Reason.REVOKED;
        }
        if (state == State.EXPIRED) {
            return Reason.EXPIRED;
        }
        return account.status() == Status.ACTIVE ? null : Reason.ACCOUNT_DISABLED;
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
                AccessPolicy.orgRoleOfServiceAccount(account.globalAdmin()), admin, read, keyId, null);
    }
}
