package dev.serviceaccounts.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, before any endpoint reads them, requests the frameworks underneath would choke on or
 * misread: a malformed percent-escape in the address, more query parameters than
 * {@link #MAX_PARAMETERS}, and (on the API and the discovery documents) an Accept or Content-Type
 * header that is not RFC 9110 syntax. Each gets a 400 problem document, never an HTML page or a
 * 500. The OAuth endpoints apply the same rules in RFC 6749's shape ({@code OAuthRequest}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestGuard extends HttpFilter {

    /** As many as WildFly allows by default; the connector's own limit is lifted (http.cli) because it answers with no body. */
    public static final int MAX_PARAMETERS = 1000;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        String refusal = path.startsWith("/oauth2/") ? null
                : refusal(request, path.startsWith("/api/") || path.startsWith("/.well-known/"));
        if (refusal != null) {
            ProblemResponses.write(response, 400, "Bad request", refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String refusal(HttpServletRequest request, boolean negotiated) {
        if (!hasWellFormedEscapes(request.getRequestURI()) || !hasWellFormedEscapes(request.getQueryString())) {
            return "The address holds a malformed percent-escape.";
        }
        if (parameterCount(request.getQueryString()) > MAX_PARAMETERS) {
            return "At most " + MAX_PARAMETERS + " query parameters are accepted.";
        }
        return negotiated ? headerRefusal(request) : null;
    }

    /** Why the request's Accept or Content-Type header cannot be read, or null when both can. */
    public static String headerRefusal(HttpServletRequest request) {
        var accept = request.getHeaders("Accept");
        while (accept.hasMoreElements()) {
            if (!HeaderSyntax.isValidAccept(accept.nextElement())) {
                return "The Accept header is malformed (RFC 9110: type/subtype, parameters, q between 0 and 1).";
            }
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !HeaderSyntax.isValidContentType(contentType)) {
            return "The Content-Type header is malformed (RFC 9110: type/subtype and parameters).";
        }
        return null;
    }

    /**
     * Whether every '%' in a raw address part starts a two-digit hexadecimal escape, and what the
     * escapes spell is UTF-8 (the listener's url-charset): {@code %zz} and {@code %C3%28} are not.
     */
    public static boolean hasWellFormedEscapes(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        var bytes = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
            bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Counts parameters in a raw query string as the container would split it, without decoding anything. */
    public static int parameterCount(String query) {
        if (query == null || query.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '&') {
                count++;
            }
        }
        return count;
    }
}
