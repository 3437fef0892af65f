package dev.serviceaccounts.authentication;

import dev.serviceaccounts.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

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

    /**
     * The answer to a member's sign-in refused unchecked after too many failures (RFC 6585's 429).
     * It is the same for a known and an unknown username; the password was not looked at.
     */
    public static Response throttled(Duration refusedFor) {
        long seconds = retryAfterSeconds(refusedFor);
        return Response.fromResponse(Problem.of(429, "Too Many Requests",
                        "Too many failed sign-ins for this username from this address, or from this address. "
                                + "Try again in " + seconds + " seconds.").toResponse())
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /** Whole seconds, rounded up: never 0 while refused. */
    public static long retryAfterSeconds(Duration refusedFor) {
        return Math.max(1, (refusedFor.toMillis() + 999) / 1000);
    }
}
