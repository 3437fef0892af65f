package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.serviceaccount.entity.Identifier;
import dev.serviceaccounts.credential.boundary.NewCredential;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A service account to create. teamId null makes an organization-level account; globalAdmin and
 * introspector are organization-level rights only OWNER and ORG_ADMIN grant. credential, when
 * given, issues the account's first credential in the same transaction (both, or neither).
 */
public record NewServiceAccount(
        @Identifier String identifier,
        @Size(max = 200) String displayName,
        @Size(max = 1000) String description,
        UUID teamId,
        Boolean globalAdmin,
        Boolean introspector,
        @Valid @Size(max = 100) List<RoleGrant> roles,
        @Valid NewCredential credential) {
}
