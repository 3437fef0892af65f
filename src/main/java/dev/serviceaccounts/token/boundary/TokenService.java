package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.token.control.Introspection;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The token service's transactions: grants and introspections read accounts in one unit. */
@Stateless
public class TokenService {

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenIssuer tokens;

    @Inject
    Introspection introspection;

    /** A JWT for the service account that authenticated with a key and secret. */
    public TokenIssuer.Issued grant(Caller client, String requestBase) {
        var account = em.find(ServiceAccount.class, client.id());
        return tokens.issue(account, client.keyId(), tokens.issuer(requestBase));
    }

    public JsonObject introspect(Caller caller, String token) {
        if (!AccessPolicy.permits(caller, AccessPolicy.Operation.INTROSPECT_TOKENS, AccessPolicy.Scope.ORGANIZATION)) {
            return null;
        }
        return introspection.inspect(token);
    }
}
