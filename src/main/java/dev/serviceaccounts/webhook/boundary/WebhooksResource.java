package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.credential.boundary.CredentialsResource;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
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
@Path("webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentCaller caller;

    @POST
    @Operation(summary = "Create a webhook (OWNER, ORG_ADMIN); its signing secret (Standard Webhooks, whsec_...) is in this answer only")
    public Response create(NewWebhook request, @Context UriInfo uri) {
        var created = webhooks.create(caller.get(), request);
        return CredentialsResource.secret(Response.created(uri.getAbsolutePathBuilder().path(created.webhook().id().toString()).build())
                .tag(ETags.of(created.webhook().version())), created);
    }

    @GET
    @Operation(summary = "List webhooks (OWNER, ORG_ADMIN), oldest first")
    public Page<WebhookView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.list(caller.get(), PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        var webhook = webhooks.get(caller.get(), id);
        return Response.ok(webhook).tag(ETags.of(webhook.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change a webhook's url, eventTypes, description or enabled (JSON merge patch)")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, MergePatch body) {
        var patch = body.allowing(Set.of("url", "eventTypes", "description", "enabled"));
        var webhook = webhooks.update(caller.get(), id, ETags.expectedVersion(ifMatch), patch.string("url"),
                patch.strings("eventTypes"), patch.string("description"), patch.bool("enabled"));
        return Response.ok(webhook).tag(ETags.of(webhook.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook and its deliveries")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        webhooks.delete(caller.get(), id, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Queue a webhook.test event for this webhook; follow it in its deliveries")
    public Response test(@PathParam("id") UUID id) {
        return Response.accepted(webhooks.sendTest(caller.get(), id)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The webhook's deliveries, newest first, each with every attempt (time, status code or error, duration)")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return webhooks.deliveries(caller.get(), id, PageRequest.parse(page, size));
    }
}
