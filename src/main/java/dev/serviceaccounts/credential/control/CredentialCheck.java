package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.credential.control.AuthenticationFailures.Reason;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.serviceaccount.entity.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The rules that decide whether a credential is good right now, in one place for every form it
 * is presented in (key id and secret, bearer secret, JWT, introspection).
 */
@ApplicationScoped
public class CredentialCheck {

    @PersistenceContext
    EntityManager em;

    @Inject
    ServerKey serverKey;

    /** One indexed lookup: the credential with its account and the account's roles, or null. */
    public Credential find(String keyId) {
        var found = em.createNamedQuery(Credential.BY_KEY_ID, Credential.class)
                .setParameter("keyId", keyId)
                .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(Credential.WITH_ACCOUNT_AND_ROLES))
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Why the credential must be refused at {@code now}, or null when it is good. {@code secret} is
     * null when the caller proved possession another way (a JWT we signed for this credential).
     */
    public Reason refusal(Credential credential, String secret, Instant now) {
        if (secret != null && !serverKey.matches(secret, credential.secretHash())) {
            return Reason.WRONG_SECRET;
        }
        return switch (credential.stateAt(now)) {
            case REVOKED -> Reason.REVOKED;
            case EXPIRED -> Reason.EXPIRED;
            case ACTIVE -> credential.account().status() == Status.ACTIVE ? null : Reason.ACCOUNT_DISABLED;
        };
    }
}
