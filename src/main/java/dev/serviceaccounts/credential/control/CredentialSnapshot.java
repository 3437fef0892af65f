package dev.serviceaccounts.credential.control;

import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.credential.entity.Credential.State;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.serviceaccount.entity.ServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What authentication needs to know of a credential and its account, copied out of the database
 * so it can be cached: immutable, no entity, no lazy loading.
 */
public record CredentialSnapshot(UUID credentialId, String keyId, String secretHash, Instant expiresAt, Instant revokedAt,
                                 UUID accountId, String identifier, UUID teamId, String teamName, Status accountStatus,
                                 Caller caller, List<String> groups) {

    static CredentialSnapshot of(Credential credential, Caller caller) {
        ServiceAccount account = credential.account();
        return new CredentialSnapshot(credential.id(), credential.keyId(), credential.secretHash(), credential.expiresAt(),
                credential.revokedAt(), account.id(), account.identifier(), account.teamId(),
                account.team() == null ? null : account.team().name(), account.status(), caller, groups(account));
    }

    public State stateAt(Instant now) {
        return Credential.stateAt(revokedAt, expiresAt, now);
    }

    /** Roles as MicroProfile JWT groups: "global-admin" and "TEAM_NAME:ROLE" per team role. */
    static List<String> groups(ServiceAccount account) {
        var groups = new java.util.ArrayList<String>();
        if (account.globalAdmin()) {
            groups.add("global-admin");
        }
        for (var role : account.roles()) {
            groups.add(role.team().name() + ":" + role.role());
        }
        groups.sort(null);
        return groups;
    }
}
