package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.authentication.ApiAuthenticationMechanism;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** How the OAuth endpoints answer: JSON, never cached, errors in RFC 6749's shape. */
final class OAuthResponses {

    private static final Logger LOG = Logger.getLogger(OAuthResponses.class.getName());

    private OAuthResponses() {
    }

    static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.getWriter().write(body.toString());
    }

    static void error(HttpServletResponse response, OAuthError error) throws IOException {
        if (error.status() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"service-accounts\", charset=\"UTF-8\"");
        }
        if (error.status() == 405) {
            response.setHeader("Allow", error.allow());
        }
        json(response, error.status(), JsonP.object().add("error", error.error()).add("error_description", error.getMessage()).build());
    }

    interface Exchange {
        void run() throws IOException;
    }

    /**
     * Runs an exchange for the methods an endpoint allows (anything else is 405, never the
     * container's HTML or 501). An {@link OAuthError} is answered as RFC 6749 says; anything
     * unexpected, including a fault while the request's credential was being checked, becomes
     * server_error, logged, never shown.
     */
    static void guarded(HttpServletRequest request, HttpServletResponse response, String allow, Exchange exchange)
            throws IOException {
        try {
            if (!java.util.List.of(allow.split(", ")).contains(request.getMethod())) {
                throw OAuthError.methodNotAllowed(request.getMethod(), allow);
            }
            ApiAuthenticationMechanism.rethrowFailure(request);
            exchange.run();
        } catch (OAuthError e) {
            if (!response.isCommitted()) {
                response.resetBuffer(); // not reset(): the host's security headers stay
                error(response, e);
            }
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Token service failure, incident " + incident, e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                error(response, new OAuthError(500, "server_error", "Unexpected error; the server log names incident " + incident + "."));
            }
        }
    }
}
