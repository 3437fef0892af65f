package dev.serviceaccounts.credential.boundary;

/**
 * The one answer that holds a secret. It is never stored and can never be read again.
 * replacedKeyId names the credential a rotation replaced.
 */
public record IssuedCredential(String keyId, String secret, CredentialView credential, String replacedKeyId) {
}
