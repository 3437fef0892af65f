package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.credential.control.CredentialCheck;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.token.control.Introspection;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Grants and introspections. Both work from the credential check's cached snapshots, so the hot
 * path needs no transaction and no database read; a cache miss loads in a transaction of its own.
 */
@ApplicationScoped
public class TokenService {

    @Inject
    CredentialCheck check;

    @Inject
    TokenIssuer tokens;

    @Inject
    Introspection introspection;

    /** A JWT for the service account that just authenticated with a key and secret, or null if it vanished. */
    public TokenIssuer.Issued grant(Caller client) {
        var credential = check.find(client.keyId());
        return credential == null ? null : tokens.issue(credential);
    }

    public JsonObject introspect(Caller caller, String token) {
        if (!AccessPolicy.permits(caller, AccessPolicy.Operation.INTROSPECT_TOKENS, AccessPolicy.Scope.ORGANIZATION)) {
            return null;
        }
        return introspection.inspect(token);
    }
}
