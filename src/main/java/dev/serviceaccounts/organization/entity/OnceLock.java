package dev.serviceaccounts.organization.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row to lock while doing what must happen once in the whole deployment, however many nodes
 * try at the same moment. See {@code OnceLocks}.
 */
@Entity
@Table(name = "once_lock")
public class OnceLock {

    public static final String FIRST_START = "first-start";
    public static final String SIGNING_KEYS = "signing-keys";

    @Id
    private String name;

    protected OnceLock() {
    }
}
