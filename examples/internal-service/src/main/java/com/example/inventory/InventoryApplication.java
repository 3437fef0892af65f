package com.example.inventory;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * An internal service that knows nothing of Service Accounts but its issuer and JWKS address
 * (META-INF/microprofile-config.properties): MicroProfile JWT verifies each bearer token's
 * signature, issuer, audience and expiry, and maps its "groups" claim to roles.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class InventoryApplication extends Application {
}
