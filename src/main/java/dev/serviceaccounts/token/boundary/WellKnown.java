package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.token.control.KeyRing;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The public signing keys (JWKS) and the discovery document, for offline JWT verifiers. */
@WebServlet({"/.well-known/jwks.json", "/.well-known/openid-configuration"})
public class WellKnown extends HttpServlet {

    @Inject
    KeyRing keys;

    @Inject
    TokenIssuer tokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        if (request.getServletPath().endsWith("jwks.json")) {
            response.getWriter().write(keys.publishedJson());
            return;
        }
        String base = OAuthResponses.base(request);
        response.getWriter().write(JsonP.object()
                .add("issuer", tokens.issuer(base))
                .add("token_endpoint", base + "/oauth2/token")
                .add("introspection_endpoint", base + "/oauth2/introspect")
                .add("jwks_uri", base + "/.well-known/jwks.json")
                .add("grant_types_supported", JsonP.array().add("client_credentials"))
                .add("token_endpoint_auth_methods_supported", JsonP.array().add("client_secret_basic").add("client_secret_post"))
                .add("id_token_signing_alg_values_supported", JsonP.array().add("ES256"))
                .add("response_types_supported", JsonP.array().add("token"))
                .add("subject_types_supported", JsonP.array().add("public"))
                .build().toString());
    }
}
