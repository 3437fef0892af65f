package dev.serviceaccounts.organization.entity;

import dev.serviceaccounts.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The one organization a deployment serves; created on first start. */
@Entity
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "credential_default_lifetime_days", nullable = false)
    private int credentialDefaultLifetimeDays = 90;

    @Column(name = "credential_max_lifetime_days", nullable = false)
    private int credentialMaxLifetimeDays = 365;

    @Column(name = "credential_allow_non_expiring", nullable = false)
    private boolean credentialAllowNonExpiring;

    @Column(name = "credential_max_active", nullable = false)
    private int credentialMaxActive = 2;

    @Column(name = "credential_expiry_warning_days", nullable = false)
    private int credentialExpiryWarningDays = 14;

    @Column(name = "credential_idle_days", nullable = false)
    private int credentialIdleDays = 90;

    @Version
    private long version;

    protected Organization() {
    }

    public Organization(String name, Instant createdAt) {
        this.id = Ids.timeOrdered();
        this.name = name;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public void rename(String name) {
        this.name = name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public CredentialPolicy credentialPolicy() {
        return new CredentialPolicy(credentialDefaultLifetimeDays, credentialMaxLifetimeDays, credentialAllowNonExpiring,
                credentialMaxActive, credentialExpiryWarningDays, credentialIdleDays);
    }

    public void changeCredentialPolicy(CredentialPolicy policy) {
        this.credentialDefaultLifetimeDays = policy.defaultLifetimeDays();
        this.credentialMaxLifetimeDays = policy.maxLifetimeDays();
        this.credentialAllowNonExpiring = policy.allowNonExpiring();
        this.credentialMaxActive = policy.maxActiveCredentials();
        this.credentialExpiryWarningDays = policy.expiryWarningDays();
        this.credentialIdleDays = policy.idleDays();
    }

    public long version() {
        return version;
    }
}
