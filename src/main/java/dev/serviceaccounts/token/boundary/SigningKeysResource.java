package dev.serviceaccounts.token.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("organization/signing-keys")
@Tag(name = "Token service")
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeysResource {

    @Inject
    SigningKeys signingKeys;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The JWT signing keys, newest first")
    public List<SigningKeys.SigningKeyView> list() {
        return signingKeys.list(caller.get());
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Sign with a new key from now on; the old one stays in the JWKS until its tokens expire")
    public SigningKeys.SigningKeyView rotate() {
        return signingKeys.rotate(caller.get()); // every node's KeyRing reloads once it committed
    }
}
