package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.audit.entity.ActorKind;
import dev.serviceaccounts.credential.control.ServiceKeyCredential;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.security.CallerIdentity;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 section 4.4): a service account authenticates with
 * its key id and secret (HTTP Basic, or client_id and client_secret in the form) and receives a
 * signed JWT of at most 15 minutes.
 */
@WebServlet("/oauth2/token")
public class TokenEndpoint extends HttpServlet {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenService tokenService;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuthResponses.guarded(request, response, () -> grant(request, response));
    }

    private void grant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller client = client(request);
        if (client == null) {
            OAuthResponses.error(response, 401, "invalid_client",
                    "Authenticate with the service account's key id and secret (HTTP Basic or client_id/client_secret).");
            return;
        }
        String grant = request.getParameter("grant_type");
        if (grant == null) {
            OAuthResponses.error(response, 400, "invalid_request", "grant_type is required.");
            return;
        }
        if (!"client_credentials".equals(grant)) {
            OAuthResponses.error(response, 400, "unsupported_grant_type", "Only client_credentials is supported.");
            return;
        }
        var issued = tokenService.grant(client, OAuthResponses.base(request));
        if (issued == null) {
            OAuthResponses.error(response, 401, "invalid_client", "The client no longer exists.");
            return;
        }
        OAuthResponses.json(response, 200, JsonP.object()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .build());
    }

    /** The service account authenticated by a key and secret; a JWT or a member never gets a token here. */
    private Caller client(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.regionMatches(true, 0, "Basic ", 0, 6)
                    && request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller
                    && caller.kind() == ActorKind.SERVICE_ACCOUNT ? caller : null;
        }
        String id = request.getParameter("client_id");
        String secret = request.getParameter("client_secret");
        if (id == null || secret == null) {
            return null;
        }
        CredentialValidationResult result = identityStores.validate(new ServiceKeyCredential(id, secret, request.getRemoteAddr()));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof CallerIdentity identity ? identity.caller() : null;
    }
}
