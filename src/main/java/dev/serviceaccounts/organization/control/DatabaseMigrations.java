package dev.serviceaccounts.organization.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Prepares the database: brings the schema to the version this build expects (Hibernate never generates it). */
public final class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    /** The schema version this deployment migrated to: what readiness expects the database to report. */
    private static volatile String migratedTo;

    private DatabaseMigrations() {
    }

    /** The version the last successful migration brought the schema to, or null before it ran. */
    public static String migratedTo() {
        return migratedTo;
    }

    /** The latest successfully applied migration, as the database itself reports it now. */
    public static String currentVersion(Connection connection, int timeoutSeconds) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.setMaxRows(1);
            try (var rows = statement.executeQuery(
                    // quoted: Flyway names its table and columns in lower case, which H2 keeps only when quoted
                    "select \"version\" from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null "
                            + "order by \"installed_rank\" desc")) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    public static void migrate(DataSource dataSource) {
        var result = Flyway.configure(DatabaseMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        closeH2StaleResultGap(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            migratedTo = currentVersion(connection, 30);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the schema version just migrated to", e);
        }
        // the version as the database reports it: Flyway's result names none when nothing was applied
        LOG.info(() -> "Service Accounts " + Release.version() + ": database schema at version " + migratedTo + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * Closes an H2 database cleanly, once the deployment stops: the default URL tells H2 not to close
     * it from its own JVM shutdown hook (DB_CLOSE_ON_EXIT=FALSE), which would run while a graceful
     * stop still answers the requests in flight. Nothing to do on PostgreSQL.
     */
    public static void closeH2(DataSource dataSource) {
        try {
            onH2(dataSource, "SHUTDOWN");
        } catch (SQLException e) {
            LOG.warning(() -> "Could not close the H2 database: " + e.getMessage());
        }
    }

    /**
     * H2 hands a query its previous result again while no table the query reads has changed. H2
     * 2.2 marks a committing transaction's tables as changed just before the commit lands
     * ({@code SessionLocal.commit}), so a query that runs in that gap keeps the rows as they were
     * before the commit, for its connection, until the table changes again: a revoked credential
     * read back as active by the credential cache, accepted for as long as nothing else wrote
     * (CredentialCacheIT caught it). Reusing results is turned off for the whole database, on every
     * start; PostgreSQL has no such cache.
     */
    private static void closeH2StaleResultGap(DataSource dataSource) {
        try {
            onH2(dataSource, "SET OPTIMIZE_REUSE_RESULTS 0");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot turn off H2's reuse of query results", e);
        }
    }

    /** Runs an H2 command when the database is H2; nothing otherwise. */
    private static void onH2(DataSource dataSource, String command) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (var statement = connection.createStatement()) {
                    statement.execute(command);
                }
            }
        }
    }
}
