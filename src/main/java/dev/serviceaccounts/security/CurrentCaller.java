package dev.serviceaccounts.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;

/** The caller of the current request, for REST resources and Faces beans alike. */
@ApplicationScoped
public class CurrentCaller {

    @Inject
    HttpServletRequest request;

    /** Whether the request was authenticated. */
    public boolean isPresent() {
        return request.getAttribute(Caller.ATTRIBUTE) instanceof Caller;
    }

    public Caller get() {
        if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new NotAuthorizedException(Challenge.unauthorized(request.getAttribute(ApiAuthenticationMechanism.CREDENTIALS_PRESENTED) != null));
    }
}
