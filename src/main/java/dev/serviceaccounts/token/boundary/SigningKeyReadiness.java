package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.token.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only with a signing key loaded: without one the token service cannot answer a grant. */
@Readiness
@ApplicationScoped
public class SigningKeyReadiness implements HealthCheck {

    @Inject
    KeyRing keys;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("signing-key");
        try {
            String kid = keys.currentKid();
            return response.status(kid != null).withData("kid", String.valueOf(kid)).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
