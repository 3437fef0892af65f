package dev.serviceaccounts.credential.boundary;

import dev.serviceaccounts.credential.control.ServerKey;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Loads the server key while the deployment starts, after the schema is migrated, so a key that is
 * missing for a database written with one fails the deployment with the reason in the log, rather
 * than every request that checks a secret afterwards.
 * <p>
 * The product's timers ({@code CredentialUseFlush}, {@code AuditSealing}, {@code WebhookDispatcher},
 * {@code HealthScanTimer}) are made by start-up beans that depend on this one, never by an automatic
 * {@code @Schedule}: an automatic timer fires even when a start-up bean failed, its call then waits
 * for the deployment's start for good, and WildFly could no longer be stopped (seen with a missing key).
 */
@Singleton
@Startup
@DependsOn("Startup")
public class ServerKeyCheck {

    @Inject
    ServerKey key;

    @PostConstruct
    void load() {
        key.requireLoaded();
    }
}
