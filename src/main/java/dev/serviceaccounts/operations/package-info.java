/**
 * What operators watch that belongs to no single business component: gauges of work waiting in the
 * database and of the cluster, for Prometheus. An edge: it reads the components' entities and the
 * cluster's view; nothing imports it. Readiness checks live with what they check
 * ({@code organization} for the database, {@code token} for the signing key, {@code cluster}).
 */
package dev.serviceaccounts.operations;
