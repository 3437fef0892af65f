package dev.serviceaccounts.cluster;

import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an operator checks after starting nodes: which node answered, and which members it sees. */
@ApplicationScoped
@Path("organization/cluster")
@Tag(name = "Organization")
@Produces(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    Peers peers;

    @Inject
    CurrentCaller caller;

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "This node and the cluster members it sees (clustered is false on a single node)")
    public Peers.View view() {
        AccessPolicy.require(caller.get(), Operation.READ_ORGANIZATION, Scope.ORGANIZATION);
        return peers.view();
    }
}
