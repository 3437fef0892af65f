package dev.serviceaccounts.security;

import dev.serviceaccounts.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The one answer to a request without valid credentials. Its body is the same whatever went
 * wrong (unknown key, wrong secret, expired, revoked, disabled account); only the audit trail
 * knows the reason. A request that presented a credential also gets RFC 6750's invalid_token.
 */
public final class Challenge {

    public static final String REALM = "service-accounts";

    private Challenge() {
    }

    public static Response unauthorized(boolean presented) {
        return Response.fromResponse(Problem.of(401, "Unauthorized",
                        "Valid credentials are required: a service account's key id and secret (HTTP Basic or Bearer), "
                                + "or a member's username and password (HTTP Basic).").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, presented
                        ? "Bearer realm=\"" + REALM + "\", error=\"invalid_token\""
                        : "Bearer realm=\"" + REALM + "\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                .build();
    }
}
