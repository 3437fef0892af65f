package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Token introspection (RFC 7662) for internal services: callable by OWNER and ORG_ADMIN members
 * and by service accounts granted the introspector right, with any credential the API accepts or
 * client_id/client_secret in the form.
 */
@WebServlet("/oauth2/introspect")
public class IntrospectionEndpoint extends HttpServlet {

    @Inject
    ClientAuthentication clients;

    @Inject
    TokenService tokenService;

    @Inject
    TokenMeters meters;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        OAuthResponses.guarded(request, response, "POST", () -> introspect(request, response));
        meters.introspection(started, response.getStatus());
    }

    private void introspect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var form = OAuthRequest.read(request);
        Caller caller = clients.caller(request, form);
        if (caller == null) {
            throw OAuthError.invalidClient("Authenticate to introspect tokens.");
        }
        var answer = tokenService.introspect(caller, form.get("token"));
        if (answer == null) {
            throw new OAuthError(403, "insufficient_scope", "This caller is not allowed to introspect tokens.");
        }
        OAuthResponses.json(response, 200, answer);
    }
}
