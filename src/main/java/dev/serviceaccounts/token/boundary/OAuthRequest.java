package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.http.RequestGuard;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An OAuth endpoint's parameters: the form body only, read here once with limits, so malformed
 * input is RFC 6749's invalid_request and never a container error. Client credentials in the
 * request URI are refused (RFC 6749 section 2.3.1), and no parameter may appear twice (section 3.2).
 */
final class OAuthRequest {

    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, String> parameters;

    private OAuthRequest(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    String get(String name) {
        return parameters.get(name);
    }

    static OAuthRequest read(HttpServletRequest request) throws IOException {
        String query = request.getQueryString();
        if (!RequestGuard.hasWellFormedEscapes(query)) {
            throw OAuthError.invalidRequest("The address holds a malformed percent-escape.");
        }
        if (RequestGuard.parameterCount(query) > RequestGuard.MAX_PARAMETERS) {
            throw OAuthError.invalidRequest("Too many parameters.");
        }
        String headers = RequestGuard.headerRefusal(request);
        if (headers != null) {
            throw OAuthError.invalidRequest(headers);
        }
        if (query != null && parse(query, false).containsKey("client_secret")) {
            throw OAuthError.invalidRequest("Client credentials are never accepted in the request URI (RFC 6749 section 2.3.1): "
                    + "send them in the Authorization header or the form body.");
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw OAuthError.invalidRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        if (body.length == 0) {
            return new OAuthRequest(Map.of());
        }
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(FORM)) {
            throw OAuthError.invalidRequest("Send the parameters as " + FORM + ".");
        }
        String form = new String(body, StandardCharsets.UTF_8);
        if (RequestGuard.parameterCount(form) > RequestGuard.MAX_PARAMETERS) {
            throw OAuthError.invalidRequest("Too many parameters.");
        }
        return new OAuthRequest(parse(form, true));
    }

    /** Decodes a form; strict refuses a malformed escape and a repeated name, lenient skips what it cannot read. */
    private static Map<String, String> parse(String form, boolean strict) {
        var parameters = new HashMap<String, String>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), strict);
            String value = decode(equals < 0 ? "" : pair.substring(equals + 1), strict);
            if (name == null || value == null) {
                continue;
            }
            if (parameters.putIfAbsent(name, value) != null && strict) {
                throw OAuthError.invalidRequest("The parameter " + name + " appears more than once.");
            }
        }
        return parameters;
    }

    /** application/x-www-form-urlencoded decoding, as RFC 6749 asks of client ids and secrets in HTTP Basic too. */
    static String decode(String value, boolean strict) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            if (strict) {
                throw OAuthError.invalidRequest("A parameter holds a malformed percent-escape.");
            }
            return null;
        }
    }
}
