package dev.serviceaccounts.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Me me;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Who the caller is, with organization role and administered teams")
    public MeView get() {
        return me.describe(caller.get());
    }
}
