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
        // Unreached for the API (AuthenticationFilter answered 401 before any resource ran) and the console
        // (ConsoleSessions sent the visitor to sign in); should it happen, it is a 401 all the same.
        throw new NotAuthorizedException("Bearer");
    }
}
