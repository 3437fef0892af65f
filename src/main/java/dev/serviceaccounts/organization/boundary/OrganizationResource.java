package dev.serviceaccounts.organization.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import dev.serviceaccounts.organization.entity.CredentialPolicy;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("organization")
@Tag(name = "Organization")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
public class OrganizationResource {

    @Inject
    Organizations organizations;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The organization: name, seats (members) and service accounts counted apart")
    public Response get() {
        var organization = organizations.get(caller.get());
        return Response.ok(organization).tag(ETags.of(organization.version())).build();
    }

    @GET
    @Path("credential-policy")
    @Operation(summary = "Credential lifetimes and the most active credentials an account may hold")
    public CredentialPolicy credentialPolicy() {
        return organizations.credentialPolicy(caller.get());
    }

    @PUT
    @Path("credential-policy")
    @Operation(summary = "Change the credential policy (OWNER, ORG_ADMIN); existing credentials keep their expiry")
    public CredentialPolicy changeCredentialPolicy(CredentialPolicy policy) {
        return organizations.changeCredentialPolicy(caller.get(), policy);
    }

    @PATCH
    @Operation(summary = "Rename the organization (OWNER, ORG_ADMIN)")
    public Response update(@HeaderParam("If-Match") String ifMatch, MergePatch body) {
        var patch = body.allowing(Set.of("name"));
        var organization = organizations.rename(caller.get(), ETags.expectedVersion(ifMatch), patch.string("name"));
        return Response.ok(organization).tag(ETags.of(organization.version())).build();
    }
}
