package dev.serviceaccounts.authentication;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.time.Duration;

/**
 * A member's username and password as a sign-in presents them, with the address they came from
 * (for throttling and the audit trail); the member store notes on it when it was refused unchecked
 * because of too many failures, so the mechanism can answer 429 rather than 401.
 */
public class MemberLogin extends UsernamePasswordCredential {

    private final String sourceIp;
    private volatile Duration throttledFor;

    public MemberLogin(String username, String password, String sourceIp) {
        super(username, password);
        this.sourceIp = sourceIp;
    }

    public String sourceIp() {
        return sourceIp;
    }

    /** How long this username from this address (or this address) is refused; null unless it was refused for that. */
    public Duration throttledFor() {
        return throttledFor;
    }

    void throttled(Duration refusedFor) {
        this.throttledFor = refusedFor;
    }
}
