package dev.serviceaccounts.authentication;

import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.credential.boundary.CredentialsResource;
import dev.serviceaccounts.credential.boundary.NewCredential;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("me")
@Tag(name = "Me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentCaller caller;

    @Inject
    Credentials credentials;

    @GET
    @Operation(summary = "Who the caller is, with organization role and administered teams")
    public MeView get() {
        return MeView.of(caller.get());
    }

    @POST
    @Path("credentials/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service account replaces the key it authenticated with: answers the old key id, the new "
            + "key id and the new secret")
    public Response rotateOwnCredential(NewCredential request) {
        var issued = credentials.rotateOwn(caller.get(), request);
        return CredentialsResource.secret(Response.ok(), new OwnRotation(issued.replacedKeyId(), issued.keyId(), issued.secret(),
                issued.credential().expiresAt()));
    }

    public record OwnRotation(String oldKeyId, String newKeyId, String secret, java.time.Instant expiresAt) {
    }
}
