package dev.serviceaccounts.member.control;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/** A member's username and password as a sign-in presents them, with the address they came from (for the audit trail). */
public class MemberLogin extends UsernamePasswordCredential {

    private final String sourceIp;

    public MemberLogin(String username, String password, String sourceIp) {
        super(username, password);
        this.sourceIp = sourceIp;
    }

    public String sourceIp() {
        return sourceIp;
    }
}
