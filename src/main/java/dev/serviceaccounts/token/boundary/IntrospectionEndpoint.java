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
 * and by service accounts granted the introspector right.
 */
@WebServlet("/oauth2/introspect")
public class IntrospectionEndpoint extends HttpServlet {

    @Inject
    TokenService tokenService;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OAuthResponses.guarded(request, response, () -> introspect(request, response));
    }

    private void introspect(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            OAuthResponses.error(response, 401, "invalid_client", "Authenticate to introspect tokens.");
            return;
        }
        var answer = tokenService.introspect(caller, request.getParameter("token"));
        if (answer == null) {
            OAuthResponses.error(response, 403, "insufficient_scope", "This caller is not allowed to introspect tokens.");
            return;
        }
        OAuthResponses.json(response, 200, answer);
    }
}
