package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.credential.control.AuthenticationFailures.Reason;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.RoleAssignment;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.Status;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules that decide whether a credential is good right now, in one place for every form it
 * is presented in (key id and secret, bearer secret, JWT, introspection). A check is a cache hit,
 * or one indexed lookup that fills the cache.
 */
@ApplicationScoped
public class CredentialCheck {

    @Inject
    CredentialLoader loader;

    @Inject
    ServerKey serverKey;

    @Inject
    CredentialCache cache;

    /** The credential with what its account may do, or null when no credential has that key id. */
    public CredentialSnapshot find(String keyId) {
        return cache.get(keyId, loader::load);
    }

    /**
     * Why the credential must be refused at {@code now}, or null when it is good. {@code secret} is
     * null when the caller proved possession another way (a JWT we signed for this credential).
     */
    public Reason refusal(CredentialSnapshot credential, String secret, Instant now) {
        if (secret != null && !serverKey.matches(secret, credential.secretHash())) {
            return Reason.WRONG_SECRET;
        }
        return switch (credential.stateAt(now)) {
            case REVOKED -> Reason.REVOKED;
            case EXPIRED -> Reason.EXPIRED;
            case ACTIVE -> credential.accountStatus() == Status.ACTIVE ? null : Reason.ACCOUNT_DISABLED;
        };
    }

    /**
     * The account as the policy sees it: global admin as ORG_ADMIN, ADMIN in a team as its
     * administrator, MEMBER as a reader who may also contain (disable, revoke), VIEWER as a reader.
     */
    static Caller callerOf(ServiceAccount account, String keyId) {
        Set<UUID> admin = new HashSet<>();
        Set<UUID> operate = new HashSet<>();
        Set<UUID> read = new HashSet<>();
        Map<UUID, String> names = new HashMap<>();
        for (RoleAssignment role : account.roles()) {
            read.add(role.team().id());
            names.put(role.team().id(), role.team().name());
            if (role.role() == TeamRole.ADMIN) {
                admin.add(role.team().id());
            }
            if (role.role() == TeamRole.MEMBER) {
                operate.add(role.team().id());
            }
        }
        String displayName = account.displayName() == null ? account.identifier() : account.displayName();
        return new Caller(ActorKind.SERVICE_ACCOUNT, account.id(), account.identifier(), displayName,
                AccessPolicy.orgRoleOfServiceAccount(account.globalAdmin()), admin, operate, read, names, account.introspector(), keyId, false, null);
    }
}
