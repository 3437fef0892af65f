package dev.serviceaccounts.organization.boundary;

import java.time.Instant;
import java.util.UUID;

/** The organization with its counts; seats are members only, service accounts are counted apart. */
public record OrganizationView(UUID id, String name, Instant createdAt, long seats, long teams,
                               ServiceAccountCounts serviceAccounts, long version) {

    public record ServiceAccountCounts(long total, long active, long disabled) {
    }
}
