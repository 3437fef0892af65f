package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 section 4.4): a service account authenticates with
 * its key id and secret ({@link ClientAuthentication}) and receives a signed JWT of at most 15 minutes.
 */
@WebServlet("/oauth2/token")
public class TokenEndpoint extends HttpServlet {

    @Inject
    ClientAuthentication clients;

    @Inject
    TokenService tokenService;

    @Inject
    TokenMeters meters;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        OAuthResponses.guarded(request, response, "POST", () -> grant(request, response));
        meters.grant(started, response.getStatus());
    }

    private void grant(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var form = OAuthRequest.read(request);
        Caller client = clients.serviceAccount(request, form);
        String grant = form.get("grant_type");
        if (grant == null) {
            throw OAuthError.invalidRequest("grant_type is required.");
        }
        if (!"client_credentials".equals(grant)) {
            throw new OAuthError(400, "unsupported_grant_type", "Only client_credentials is supported.");
        }
        var issued = tokenService.grant(client);
        if (issued == null) {
            throw OAuthError.invalidClient("The client no longer exists.");
        }
        OAuthResponses.json(response, 200, JsonP.object()
                .add("access_token", issued.token())
                .add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn())
                .build());
    }
}
