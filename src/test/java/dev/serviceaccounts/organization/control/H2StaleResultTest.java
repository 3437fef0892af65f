package dev.serviceaccounts.organization.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * H2 (the version WildFly ships) can answer a query with rows from before a commit that has
 * already returned; preparing the database at start ({@link DatabaseMigrations#migrate}) turns that off. A writer revokes a row again and
 * again and announces each commit once it returned; a reader on another connection runs the
 * credential cache's kind of query, and a read older than the commit announced before the query
 * started is stale.
 */
class H2StaleResultTest {

    /** Commits the writer makes while the reader races it: a count, not a time, so a slow machine races as much. */
    private static final long COMMITS = 30_000;

    @Test
    void h2ReusesAResultFromBeforeACommitThatReturned() throws Exception {
        var database = database();
        assertTrue(staleReads(database) > 0, "H2 no longer serves stale results; the workaround can go");
    }

    @Test
    void noReadIsStaleOnceTheDatabaseIsPreparedAsAtStart() throws Exception {
        var database = database();
        DatabaseMigrations.migrate(database);
        assertEquals(0, staleReads(database));
    }

    private static JdbcDataSource database() {
        var database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        database.setPassword("sa");
        return database;
    }

    private static long staleReads(JdbcDataSource database) throws Exception {
        try (Connection connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create table probe (id int primary key, revoked_at bigint not null)");
            statement.execute("insert into probe values (1, 0)");
        }
        var committed = new AtomicLong();
        var running = new AtomicBoolean(true);
        var stale = new AtomicLong();
        var failure = new AtomicReference<Exception>();
        Thread writer = new Thread(() -> {
            try (Connection connection = database.getConnection();
                 var update = connection.prepareStatement("update probe set revoked_at = ? where id = 1")) {
                connection.setAutoCommit(false);
                for (long value = 1; value <= COMMITS; value++) {
                    update.setLong(1, value);
                    update.executeUpdate();
                    connection.commit();
                    committed.set(value);
                }
            } catch (SQLException e) {
                failure.set(e);
            } finally {
                running.set(false);
            }
        });
        Thread reader = new Thread(() -> {
            try (Connection connection = database.getConnection()) {
                while (running.get()) {
                    long before = committed.get();
                    try (var query = connection.prepareStatement("select revoked_at from probe where id = ?")) {
                        query.setInt(1, 1);
                        try (var rows = query.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) < before) {
                                stale.incrementAndGet();
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        assertEquals(COMMITS, committed.get(), "the writer committed every time");
        return stale.get();
    }
}
