package dev.serviceaccounts.organization.boundary;

import dev.serviceaccounts.organization.control.DatabaseMigrations;
import dev.serviceaccounts.organization.control.FirstStart;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/**
 * Runs once per deployment, before the API answers: migrates the schema (outside any
 * transaction, Flyway commits per migration), then creates the organization on first start.
 * Stopped last of the product's singletons (the others depend on it): then it closes an H2 database.
 */
@Singleton
@jakarta.ejb.Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

    @Resource(lookup = "java:jboss/datasources/ServiceAccountsDS")
    DataSource dataSource;

    @Inject
    FirstStart firstStart;

    @PostConstruct
    void start() {
        DatabaseMigrations.migrate(dataSource);
        firstStart.createOrganizationIfMissing();
    }

    @PreDestroy
    void stop() {
        DatabaseMigrations.closeH2(dataSource);
    }
}
