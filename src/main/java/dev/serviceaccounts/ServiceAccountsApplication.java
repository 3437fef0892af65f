package dev.serviceaccounts;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API, version 1. Every path under it needs an authenticated caller. Resources are
 * {@code @ApplicationScoped}: created once, not per request (creating and injecting one per request
 * cost about a tenth of an authenticated {@code GET /me}, measured with JFR; see BENCHMARKS.md).
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Service Accounts API", version = "1",
                description = "API-only identities for CI pipelines and internal services: lifecycle, teams, "
                        + "members, roles and audit trail. Errors are application/problem+json (RFC 9457)."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A service account's key id and secret, or a member's username and password")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from /oauth2/token, or a service account's secret alone")
public class ServiceAccountsApplication extends Application {
}
