package dev.serviceaccounts.security;

import dev.serviceaccounts.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The one answer to a request without valid credentials: the same whatever went wrong. */
public final class Challenge {

    public static final String REALM = "service-accounts";

    private Challenge() {
    }

    public static Response unauthorized() {
        return Response.fromResponse(Problem.of(401, "Unauthorized",
                        "Valid credentials are required: HTTP Basic with a member's username and password.").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                .build();
    }
}
