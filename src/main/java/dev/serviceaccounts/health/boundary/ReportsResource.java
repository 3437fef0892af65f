package dev.serviceaccounts.health.boundary;

import dev.serviceaccounts.http.Csv;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.http.QueryParams;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reports as JSON pages, or as CSV ({@code format=csv} or {@code Accept: text/csv}): every row at
 * once, for a spreadsheet, ignoring page and size.
 */
@ApplicationScoped
@Path("reports")
@Tag(name = "Reports")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class ReportsResource {

    @Inject
    Reports reports;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("expiring-credentials")
    @Operation(summary = "Active credentials expiring within `days` (default: the policy's expiryWarningDays), soonest first; "
            + "filter by teamId; JSON pages or CSV")
    public Response expiringCredentials(@QueryParam("days") String days, @QueryParam("teamId") String teamId,
                                        @QueryParam("page") String page, @QueryParam("size") String size,
                                        @QueryParam("format") String format, @Context HttpHeaders headers) {
        int horizon = reports.expiringDays(days);
        var team = QueryParams.uuid("teamId", teamId);
        if (csv(format, headers)) {
            return csv("expiring-credentials", reports.expiringCsv(caller.get(), horizon, team));
        }
        return Response.ok(reports.expiring(caller.get(), horizon, team, PageRequest.parse(page, size)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("idle-accounts")
    @Operation(summary = "Enabled accounts without an authentication for `days` (default: the policy's idleDays), by identifier; "
            + "filter by teamId; JSON pages or CSV")
    public Response idleAccounts(@QueryParam("days") String days, @QueryParam("teamId") String teamId,
                                 @QueryParam("page") String page, @QueryParam("size") String size,
                                 @QueryParam("format") String format, @Context HttpHeaders headers) {
        int idle = reports.idleDays(days);
        var team = QueryParams.uuid("teamId", teamId);
        if (csv(format, headers)) {
            return csv("idle-accounts", reports.idleCsv(caller.get(), idle, team));
        }
        return Response.ok(reports.idle(caller.get(), idle, team, PageRequest.parse(page, size)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** CSV when asked by format=csv, or by an Accept header that prefers text/csv to JSON. */
    static boolean csv(String format, HttpHeaders headers) {
        String chosen = QueryParams.text("format", format, 10);
        if (chosen != null) {
            if (!chosen.equals("csv") && !chosen.equals("json")) {
                throw QueryParams.bad("format", "must be json or csv");
            }
            return chosen.equals("csv");
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    private static Response csv(String name, String body) {
        return Response.ok(body, Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
