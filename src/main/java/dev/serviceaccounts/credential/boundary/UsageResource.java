package dev.serviceaccounts.credential.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.http.QueryParams;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("service-accounts/{id}/usage")
@Tag(name = "Credentials")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Authentications per day (UTC) over the last `days` days (default 30, at most 90), counts of the last seconds included")
    public UsageView usage(@PathParam("id") UUID id, @QueryParam("days") String days) {
        return credentials.usage(caller.get(), id, QueryParams.integer("days", days, Credentials.RECENT_DAYS, 1, Credentials.MAX_USAGE_DAYS));
    }
}
