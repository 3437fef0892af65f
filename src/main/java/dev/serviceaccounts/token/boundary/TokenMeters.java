package dev.serviceaccounts.token.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;

/**
 * The token service's two endpoints as timers: {@code service_accounts_token_grants_seconds} and
 * {@code service_accounts_introspections_seconds} (count, sum and max), each with {@code outcome}
 * {@code ok} (2xx) or {@code refused} (any error answer). Resolved once: the endpoints record a
 * duration and a status, nothing more.
 */
@ApplicationScoped
public class TokenMeters {

    private static final String GRANTS = "service_accounts.token.grants";
    private static final String INTROSPECTIONS = "service_accounts.introspections";

    @Inject
    MeterRegistry registry;

    private Timer grantsOk;
    private Timer grantsRefused;
    private Timer introspectionsOk;
    private Timer introspectionsRefused;

    @PostConstruct
    void register() {
        // through the registry's own methods, not builders: WildFly exports a deployment's meters made that
        // way only, and refuses a deployment any configuration (histogram buckets among it)
        grantsOk = registry.timer(GRANTS, "outcome", "ok");
        grantsRefused = registry.timer(GRANTS, "outcome", "refused");
        introspectionsOk = registry.timer(INTROSPECTIONS, "outcome", "ok");
        introspectionsRefused = registry.timer(INTROSPECTIONS, "outcome", "refused");
    }

    void grant(long startedNanos, int status) {
        (status < 400 ? grantsOk : grantsRefused).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    void introspection(long startedNanos, int status) {
        (status < 400 ? introspectionsOk : introspectionsRefused).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }
}
