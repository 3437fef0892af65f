package dev.serviceaccounts.authentication;

import jakarta.security.enterprise.credential.Credential;

/** A JWT from our token service, presented as a bearer token. */
public record JwtCredential(String token, String sourceIp) implements Credential {

    @Override
    public String toString() {
        return "JwtCredential"; // never the token
    }
}
