package dev.serviceaccounts.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** In cluster mode, ready only while this node is a member of its own view; on one node, always. */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {

    @Inject
    Peers peers;

    @Override
    public HealthCheckResponse call() {
        var view = peers.view();
        var response = HealthCheckResponse.named("cluster").withData("clustered", view.clustered());
        if (!view.clustered()) {
            return response.up().build();
        }
        return response.status(view.members().contains(view.node()))
                .withData("node", view.node()).withData("members", String.join(",", view.members())).build();
    }
}
