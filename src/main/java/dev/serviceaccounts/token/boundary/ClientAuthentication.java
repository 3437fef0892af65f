package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.authentication.ServiceKeyCredential;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.authentication.CallerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls an OAuth endpoint, by the two client authentication methods of RFC 6749 section 2.3.1:
 * {@code client_secret_basic} (the key id and secret in HTTP Basic, form-url-encoded or raw; the
 * authentication mechanism has checked the header already) and {@code client_secret_post}
 * (client_id and client_secret in the form body). A request may use one method, not two.
 */
@ApplicationScoped
public class ClientAuthentication {

    /** The methods the discovery documents announce for both endpoints. */
    static final String[] METHODS = {"client_secret_basic", "client_secret_post"};

    @Inject
    IdentityStoreHandler identityStores;

    /**
     * The caller an endpoint that accepts any authenticated party sees (introspection): whoever the
     * Authorization header authenticated (a member, a service account, a bearer token), or the
     * service account of client_secret_post; null when the request authenticated no one.
     */
    Caller caller(HttpServletRequest request, OAuthRequest form) {
        boolean header = request.getHeader("Authorization") != null;
        boolean posted = form.get("client_id") != null || form.get("client_secret") != null;
        if (header && posted) {
            throw OAuthError.invalidRequest("Authenticate the client with one method: HTTP Basic or client_id/client_secret, not both.");
        }
        if (header) {
            return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller ? caller : null;
        }
        return posted ? posted(request, form) : null;
    }

    /** The service account that authenticated with its key id and secret, by either method; 401 otherwise. */
    Caller serviceAccount(HttpServletRequest request, OAuthRequest form) {
        Caller caller = caller(request, form);
        String authorization = request.getHeader("Authorization");
        boolean bearer = authorization != null && !authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (caller == null || bearer || caller.kind() != ActorKind.SERVICE_ACCOUNT) {
            throw OAuthError.invalidClient(
                    "Authenticate with the service account's key id and secret (HTTP Basic or client_id/client_secret).");
        }
        return caller;
    }

    private Caller posted(HttpServletRequest request, OAuthRequest form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (id == null || secret == null) {
            return null;
        }
        CredentialValidationResult result = identityStores.validate(new ServiceKeyCredential(id, secret, request.getRemoteAddr()));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof CallerIdentity identity
                ? identity.caller().from(request.getRemoteAddr()) : null;
    }
}
