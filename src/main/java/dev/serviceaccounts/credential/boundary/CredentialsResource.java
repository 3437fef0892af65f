package dev.serviceaccounts.credential.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("service-accounts/{id}/credentials")
@Tag(name = "Credentials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The account's credentials: key id, secret prefix, dates, last use and state; never a secret")
    public List<CredentialView> list(@PathParam("id") UUID id) {
        return credentials.list(caller.get(), id);
    }

    @POST
    @Operation(summary = "Issue a credential; the secret is in this answer only")
    public Response issue(@PathParam("id") UUID id, NewCredential request) {
        return secret(201, credentials.issue(caller.get(), id, request));
    }

    @POST
    @Path("{keyId}/rotate")
    @Operation(summary = "Replace a credential; the old one stops now, or after gracePeriodSeconds (at most 7 days)")
    public Response rotate(@PathParam("id") UUID id, @PathParam("keyId") String keyId, NewCredential request) {
        return secret(201, credentials.rotate(caller.get(), id, keyId, request));
    }

    @POST
    @Path("{keyId}/revoke")
    @Operation(summary = "Revoke a credential: the next request that uses it gets 401")
    public CredentialView revoke(@PathParam("id") UUID id, @PathParam("keyId") String keyId, Revocation revocation) {
        return credentials.revoke(caller.get(), id, keyId, revocation == null ? null : revocation.reason());
    }

    public record Revocation(String reason) {
    }

    static Response secret(int status, IssuedCredential issued) {
        return secret(Response.status(status), issued);
    }

    /** An answer holding a secret must not be cached anywhere on its way. */
    public static Response secret(Response.ResponseBuilder answer, Object holdingASecret) {
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoCache(true);
        return answer.cacheControl(noStore).header("Pragma", "no-cache").entity(holdingASecret).build();
    }
}
