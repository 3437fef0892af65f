package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.security.ApiAuthenticationMechanism;
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

    static void error(HttpServletResponse response, int status, String error, String description) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"service-accounts\", charset=\"UTF-8\"");
        }
        json(response, status, JsonP.object().add("error", error).add("error_description", description).build());
    }

    interface Exchange {
        void run() throws IOException;
    }

    /**
     * Runs an exchange; anything unexpected, including a fault while the request's credential was
     * being checked, becomes RFC 6749's server_error, logged, never shown.
     */
    static void guarded(HttpServletRequest request, HttpServletResponse response, Exchange exchange) throws IOException {
        try {
            ApiAuthenticationMechanism.rethrowFailure(request);
            exchange.run();
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Token service failure, incident " + incident, e);
            if (!response.isCommitted()) {
                response.reset();
                error(response, 500, "server_error", "Unexpected error; the server log names incident " + incident + ".");
            }
        }
    }

    /** The server's base address as the client reached it: the default issuer. */
    static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
