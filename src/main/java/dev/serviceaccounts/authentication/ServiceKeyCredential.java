package dev.serviceaccounts.authentication;

import jakarta.security.enterprise.credential.Credential;

/**
 * A service credential as presented: the key id (from Basic's username, or read from the bearer
 * secret) and the secret, with the address it came from for the audit trail.
 */
public record ServiceKeyCredential(String keyId, String secret, String sourceIp) implements Credential {

    @Override
    public String toString() {
        return "ServiceKeyCredential[" + keyId + "]"; // never the secret
    }
}
