package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.credential.control.CredentialUse;
import dev.serviceaccounts.credential.control.TokenFormat;
import dev.serviceaccounts.credential.entity.Credential;
import java.time.Instant;

/** A credential as lists show it: never the secret, only its non-secret prefix. */
public record CredentialView(String keyId, String secretPrefix, String description, Credential.State state,
                             Instant createdAt, String createdBy, Instant expiresAt, Instant revokedAt,
                             String revokedBy, String revokeReason, Instant lastUsedAt, String lastUsedIp) {

    static CredentialView of(Credential credential, Instant now, CredentialUse.Use pendingUse) {
        Instant lastUsedAt = credential.lastUsedAt();
        String lastUsedIp = credential.lastUsedIp();
        if (pendingUse != null && (lastUsedAt == null || pendingUse.at().isAfter(lastUsedAt))) {
            lastUsedAt = pendingUse.at();
            lastUsedIp = pendingUse.ip();
        }
        return new CredentialView(credential.keyId(), TokenFormat.displayPrefix(credential.keyId()), credential.description(),
                credential.stateAt(now), credential.createdAt(), credential.createdBy().name(), credential.expiresAt(),
                credential.revokedAt(), credential.revokedBy(), credential.revokeReason(), lastUsedAt, lastUsedIp);
    }
}
