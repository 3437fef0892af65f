package dev.serviceaccounts.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Console pages are never stored by a browser or proxy, so going back never shows a secret again.
 * The headers every answer carries (CSP, framing, sniffing, referrer) are set for the whole host
 * in {@code wildfly-config/http.cli}, so WildFly's own answers (/openapi, error pages) carry them too.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class PageCaching extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getServletPath().startsWith("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
