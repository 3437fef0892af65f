package dev.serviceaccounts.member.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("members")
@Tag(name = "Members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class MembersResource {

    @Inject
    Members members;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List members (OWNER, ORG_ADMIN)")
    public Page<MemberView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return members.list(caller.get(), PageRequest.parse(page, size));
    }

    @POST
    @Operation(summary = "Create a member; only an OWNER creates an OWNER")
    public Response create(NewMember request, @Context UriInfo uri) {
        var member = members.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build())
                .tag(ETags.of(member.version())).entity(member).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        var member = members.get(caller.get(), id);
        return Response.ok(member).tag(ETags.of(member.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change display name, email, password or organization role (JSON merge patch)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, MergePatch body) {
        var patch = body.allowing(Set.of("displayName", "email", "password", "orgRole"));
        var member = members.update(caller.get(), id, ETags.expectedVersion(ifMatch), patch.string("displayName"),
                patch.string("email"), patch.string("password"), patch.string("orgRole"));
        return Response.ok(member).tag(ETags.of(member.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a member; their service accounts stay where they are")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        members.delete(caller.get(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
