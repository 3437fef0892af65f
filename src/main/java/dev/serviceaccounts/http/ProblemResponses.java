package dev.serviceaccounts.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A problem document (RFC 9457) written by a servlet or filter, outside JAX-RS's exception mappers. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** 405 with the methods the resource answers in Allow. */
    public static void methodNotAllowed(HttpServletResponse response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        write(response, 405, "Method not allowed", "This resource answers " + allow + ".");
    }

    public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JsonP.object().add("type", "about:blank").add("title", title)
                .add("status", status).add("detail", detail).build().toString());
    }
}
