package dev.serviceaccounts.serviceaccount.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.credential.boundary.CredentialsResource;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("service-accounts")
@Tag(name = "Service accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class ServiceAccountsResource {

    @Inject
    ServiceAccounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List the service accounts the caller may see, by identifier unless sorted otherwise")
    public Page<ServiceAccountView> list(
            @Parameter(description = "a team id, or 'none' for organization-level accounts") @QueryParam("team") String team,
            @Parameter(description = "ACTIVE or DISABLED") @QueryParam("status") String status,
            @Parameter(description = "text in the identifier or display name") @QueryParam("q") String text,
            @Parameter(description = "identifier, displayName, createdAt or status; '-' before it for descending")
            @QueryParam("sort") String sort,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return accounts.list(caller.get(), ServiceAccountQuery.parse(team, status, text, sort, page, size));
    }

    @POST
    @Operation(summary = "Create a service account, in a team or (teamId absent) at organization level; with a "
            + "'credential' object, also its first credential in the same transaction, answered as {account, credential} "
            + "with the secret in this answer only")
    public Response create(NewServiceAccount request, @Context UriInfo uri) {
        if (request != null && request.credential() != null) {
            var created = credentials.createWithCredential(caller.get(), request, request.credential());
            return CredentialsResource.secret(Response.created(location(uri, created.account())), created);
        }
        var account = accounts.create(caller.get(), request);
        return Response.created(location(uri, account)).tag(ETags.of(account.version())).entity(account).build();
    }

    private static java.net.URI location(UriInfo uri, ServiceAccountView account) {
        return uri.getAbsolutePathBuilder().path(account.id().toString()).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return withETag(accounts.get(caller.get(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change identifier, display name, description, team or global-admin flag (JSON merge patch)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, MergePatch body) {
        return withETag(accounts.update(caller.get(), id, ETags.expectedVersion(ifMatch), ServiceAccountChanges.of(body)));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a service account; its audit history stays")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        accounts.delete(caller.get(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable the account: it cannot be used until enabled")
    public Response disable(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(accounts.disable(caller.get(), id, ETags.expectedVersion(ifMatch)));
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(accounts.enable(caller.get(), id, ETags.expectedVersion(ifMatch)));
    }

    @GET
    @Path("{id}/roles")
    public List<ServiceAccountView.RoleView> roles(@PathParam("id") UUID id) {
        return accounts.get(caller.get(), id).roles();
    }

    @PUT
    @Path("{id}/roles")
    @Operation(summary = "Replace the account's role assignments: a list of {teamId, role}")
    public Response replaceRoles(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, List<RoleGrant> roles) {
        return withETag(accounts.replaceRoles(caller.get(), id, ETags.expectedVersion(ifMatch), roles));
    }

    private static Response withETag(ServiceAccountView account) {
        return Response.ok(account).tag(ETags.of(account.version())).build();
    }
}
