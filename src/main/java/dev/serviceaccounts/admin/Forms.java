package dev.serviceaccounts.admin;

import dev.serviceaccounts.http.QueryParams;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.serviceaccount.boundary.RoleGrant;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading what a form or address sent; malformed values are refused like the API refuses them. */
final class Forms {

    private Forms() {
    }

    /** A UUID from a select or a view parameter; blank means none. */
    static UUID uuid(String value) {
        return value == null || value.isBlank() ? null : QueryParams.uuid("id", value);
    }

    /** The id a page was opened with; a page opened without one has nothing to show (404). */
    static UUID requiredId(String value) {
        UUID id = uuid(value);
        if (id == null) {
            throw ProblemException.notFound("No service account was named.");
        }
        return id;
    }

    /** A page's address with these query parameters, in their order; blank ones are left out. */
    static String address(String page, Map<String, String> parameters) {
        var address = new StringBuilder(page);
        char separator = '?';
        for (var entry : parameters.entrySet()) {
            if (entry.getValue() != null && !entry.getValue().isBlank()) {
                address.append(separator).append(entry.getKey()).append('=')
                        .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return address.toString();
    }

    /** Role grants from a team-id-to-role form map; a blank role means none in that team. */
    static List<RoleGrant> grants(Map<String, String> roles) {
        var grants = new ArrayList<RoleGrant>();
        roles.forEach((team, role) -> {
            if (role != null && !role.isBlank()) {
                grants.add(new RoleGrant(uuid(team), QueryParams.enumeration("role", role, TeamRole.class)));
            }
        });
        return grants;
    }
}
