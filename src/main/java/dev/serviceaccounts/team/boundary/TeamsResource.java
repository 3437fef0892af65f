package dev.serviceaccounts.team.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.member.boundary.MemberRef;
import dev.serviceaccounts.member.boundary.Members;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("teams")
@Tag(name = "Teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class TeamsResource {

    @Inject
    Teams teams;

    @Inject
    Members members;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "List teams the caller may see, by name")
    public Page<TeamView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return teams.list(caller.get(), PageRequest.parse(page, size));
    }

    @POST
    @Operation(summary = "Create a team (OWNER, ORG_ADMIN)")
    public Response create(NewTeam request, @Context UriInfo uri) {
        var team = teams.create(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(team.id().toString()).build())
                .tag(ETags.of(team.version())).entity(team).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        var team = teams.get(caller.get(), id);
        return Response.ok(team).tag(ETags.of(team.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Rename or describe a team (JSON merge patch; If-Match guards against lost updates)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, MergePatch body) {
        var patch = body.allowing(Set.of("name", "description"));
        var team = teams.update(caller.get(), id, ETags.expectedVersion(ifMatch), patch.string("name"), patch.string("description"));
        return Response.ok(team).tag(ETags.of(team.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a team that holds no service accounts")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        teams.delete(caller.get(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/admins")
    @Operation(summary = "Members who administer the team")
    public List<MemberRef> admins(@PathParam("id") UUID id) {
        return members.adminsOf(caller.get(), id);
    }

    @PUT
    @Path("{id}/admins/{memberId}")
    @Operation(summary = "Make a member an administrator of the team (OWNER, ORG_ADMIN)")
    public List<MemberRef> grantAdmin(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        members.grantTeamAdmin(caller.get(), memberId, id);
        return members.adminsOf(caller.get(), id);
    }

    @DELETE
    @Path("{id}/admins/{memberId}")
    @Operation(summary = "Withdraw a member's administration of the team")
    public Response revokeAdmin(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        members.revokeTeamAdmin(caller.get(), memberId, id);
        return Response.noContent().build();
    }
}
