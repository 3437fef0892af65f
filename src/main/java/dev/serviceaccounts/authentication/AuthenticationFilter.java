package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.Caller;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;

/**
 * Everything under /api needs an authenticated caller; anything else is answered 401 here, or 429
 * when a member's sign-in was refused for too many failures.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        ApiAuthenticationMechanism.rethrowFailure(request); // to the exception mappers: a problem document
        if (request.getAttribute(Caller.ATTRIBUTE) != null) {
            return;
        }
        if (request.getAttribute(ApiAuthenticationMechanism.THROTTLED) instanceof Duration refusedFor) {
            context.abortWith(Challenge.throttled(refusedFor));
        } else {
            context.abortWith(Challenge.unauthorized(request.getAttribute(ApiAuthenticationMechanism.CREDENTIALS_PRESENTED) != null));
        }
    }
}
