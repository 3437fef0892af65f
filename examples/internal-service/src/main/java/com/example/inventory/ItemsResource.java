package com.example.inventory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The inventory, readable by service accounts that hold a role in the "inventory" team. Service
 * Accounts puts each team role in the token's groups as TEAM:ROLE.
 */
@Path("items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ItemsResource {

    @Inject
    JsonWebToken caller;

    @GET
    @RolesAllowed({"inventory:VIEWER", "inventory:MEMBER", "inventory:ADMIN"})
    public JsonObject list() {
        return Json.createObjectBuilder()
                .add("caller", caller.getName())
                .add("account", caller.getSubject())
                .add("items", Json.createArrayBuilder().add("bolts").add("nuts"))
                .build();
    }
}
