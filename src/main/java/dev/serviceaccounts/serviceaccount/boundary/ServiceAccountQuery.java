package dev.serviceaccounts.serviceaccount.boundary;

import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.http.QueryParams;
import dev.serviceaccounts.serviceaccount.entity.Status;
import java.util.UUID;

/**
 * Filters of the service-account list: a team (or {@code none} for organization-level accounts),
 * a status, and text found in the identifier or display name.
 */
public record ServiceAccountQuery(UUID teamId, boolean organizationLevel, Status status, String text, Sort sort,
                                  boolean descending, PageRequest page) {

    /** Orders a list can take; each names the JPQL path it sorts by. */
    public enum Sort {
        IDENTIFIER("identifier", "a.identifier"),
        DISPLAY_NAME("displayName", "a.displayName"),
        CREATED_AT("createdAt", "a.createdAt"),
        STATUS("status", "a.status");

        public final String parameter;
        final String path;

        Sort(String parameter, String path) {
            this.parameter = parameter;
            this.path = path;
        }
    }

    /** sort is one of identifier, displayName, createdAt, status; a leading '-' sorts descending. */
    public static ServiceAccountQuery parse(String team, String status, String text, String sort, String page, String size) {
        boolean organizationLevel = "none".equalsIgnoreCase(team);
        boolean descending = sort != null && sort.startsWith("-");
        String field = sort == null || sort.isBlank() ? Sort.IDENTIFIER.parameter : sort.substring(descending ? 1 : 0);
        Sort order = java.util.Arrays.stream(Sort.values()).filter(s -> s.parameter.equals(field)).findFirst()
                .orElseThrow(() -> QueryParams.bad("sort", "must be identifier, displayName, createdAt or status, "
                        + "optionally preceded by '-'"));
        return new ServiceAccountQuery(organizationLevel ? null : QueryParams.uuid("team", team), organizationLevel,
                QueryParams.enumeration("status", status, Status.class), QueryParams.text("q", text, 200), order,
                descending, PageRequest.parse(page, size));
    }

    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return " order by " + sort.path + direction + (sort == Sort.IDENTIFIER ? "" : ", a.identifier" + direction);
    }
}
