package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.http.QueryParams;
import dev.serviceaccounts.serviceaccount.entity.Status;
import java.util.UUID;

/**
 * Filters of the service-account list: a team (or {@code none} for organization-level accounts),
 * a status, and text found in the identifier or display name.
 */
public record ServiceAccountQuery(UUID teamId, boolean organizationLevel, Status status, String text, PageRequest page) {

    public static ServiceAccountQuery parse(String team, String status, String text, String page, String size) {
        boolean organizationLevel = "none".equalsIgnoreCase(team);
        return new ServiceAccountQuery(organizationLevel ? null : QueryParams.uuid("team", team), organizationLevel,
                QueryParams.enumeration("status", status, Status.class), QueryParams.text("q", text, 200),
                PageRequest.parse(page, size));
    }
}
