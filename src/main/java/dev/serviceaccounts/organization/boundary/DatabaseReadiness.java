package dev.serviceaccounts.organization.boundary;

import dev.serviceaccounts.organization.control.DatabaseMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers a query within {@link #TIMEOUT_SECONDS} and reports the
 * schema version this deployment migrated to: a node that cannot read credentials it has not
 * cached, or that runs on a database restored to an older schema, should get no traffic.
 * Served by WildFly at {@code /health/ready} on the management port.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/ServiceAccountsDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        String expected = DatabaseMigrations.migratedTo();
        try (var connection = dataSource.getConnection()) {
            String current = DatabaseMigrations.currentVersion(connection, TIMEOUT_SECONDS);
            response.withData("schema", String.valueOf(current)).withData("expected", String.valueOf(expected));
            return response.status(expected != null && Objects.equals(current, expected)).build();
        } catch (SQLException | RuntimeException e) {
            // the kind and SQL state only: a message may carry addresses or names an anonymous probe need not see
            return response.down().withData("error", e.getClass().getSimpleName()
                    + (e instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "")).build();
        }
    }
}
