package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.JsonP;
import dev.serviceaccounts.http.ProblemResponses;
import dev.serviceaccounts.token.control.KeyRing;
import dev.serviceaccounts.token.control.TokenIssuer;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The public signing keys (JWKS) and the metadata clients discover the token service by: RFC 8414
 * authorization-server metadata and the same facts as an OpenID discovery document. Every address
 * in them is built from the configured issuer, never from the request's Host header.
 */
@WebServlet({"/.well-known/jwks.json", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
public class WellKnown extends HttpServlet {

    @Inject
    KeyRing keys;

    @Inject
    TokenIssuer tokens;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            ProblemResponses.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        publish(request, response);
    }

    private void publish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String document = request.getServletPath().endsWith("jwks.json") ? keys.publishedJson() : metadata();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        if ("GET".equals(request.getMethod())) {
            response.getWriter().write(document);
        }
    }

    private String metadata() {
        String issuer = tokens.issuer();
        return JsonP.object()
                .add("issuer", issuer)
                .add("token_endpoint", issuer + "/oauth2/token")
                .add("token_endpoint_auth_methods_supported", strings(ClientAuthentication.METHODS))
                .add("introspection_endpoint", issuer + "/oauth2/introspect")
                .add("introspection_endpoint_auth_methods_supported", strings(ClientAuthentication.METHODS))
                .add("jwks_uri", issuer + "/.well-known/jwks.json")
                .add("grant_types_supported", strings("client_credentials"))
                // no authorization endpoint: clients get tokens only from the token endpoint
                .add("response_types_supported", strings("token"))
                .add("subject_types_supported", strings("public"))
                .add("id_token_signing_alg_values_supported", strings("ES256"))
                .add("claims_supported", strings("iss", "sub", "aud", "exp", "iat", "jti", "upn", "preferred_username",
                        "groups", "team", "client_id"))
                .add("service_documentation", issuer + "/openapi")
                .build().toString();
    }

    private static JsonArrayBuilder strings(String... values) {
        var array = JsonP.array();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
