package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.Caller;
import jakarta.security.enterprise.CallerPrincipal;

/** The principal an identity store hands back, carrying the caller it validated. */
public class CallerIdentity extends CallerPrincipal {

    private final transient Caller caller;

    public CallerIdentity(Caller caller) {
        super(caller.name());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
