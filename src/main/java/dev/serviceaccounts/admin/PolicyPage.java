package dev.serviceaccounts.admin;

import dev.serviceaccounts.organization.boundary.Organizations;
import dev.serviceaccounts.organization.entity.CredentialPolicy;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The organization's credential policy, for OWNER and ORG_ADMIN. */
@Named
@RequestScoped
public class PolicyPage {

    @Inject
    Organizations organizations;

    @Inject
    CurrentCaller caller;

    private Integer defaultLifetimeDays;
    private Integer maxLifetimeDays;
    private boolean allowNonExpiring;
    private Integer maxActiveCredentials;
    private Integer expiryWarningDays;
    private Integer idleDays;

    public void load() {
        Messages.opens(() -> {
            AccessPolicy.require(caller.get(), AccessPolicy.Operation.MANAGE_ORGANIZATION, AccessPolicy.Scope.ORGANIZATION);
            CredentialPolicy policy = organizations.credentialPolicy(caller.get());
            defaultLifetimeDays = policy.defaultLifetimeDays();
            maxLifetimeDays = policy.maxLifetimeDays();
            allowNonExpiring = policy.allowNonExpiring();
            maxActiveCredentials = policy.maxActiveCredentials();
            expiryWarningDays = policy.expiryWarningDays();
            idleDays = policy.idleDays();
        });
    }

    public String save() {
        if (defaultLifetimeDays == null || maxLifetimeDays == null || maxActiveCredentials == null || expiryWarningDays == null
                || idleDays == null) {
            Messages.error("Fill in every number.");
            return null;
        }
        var policy = new CredentialPolicy(defaultLifetimeDays, maxLifetimeDays, allowNonExpiring, maxActiveCredentials,
                expiryWarningDays, idleDays);
        if (Messages.attempt(() -> organizations.changeCredentialPolicy(caller.get(), policy)) == null) {
            return null;
        }
        return Messages.redirect("/admin/policy.xhtml", "Credential policy saved; it applies to credentials issued from now on.");
    }

    public Integer getDefaultLifetimeDays() {
        return defaultLifetimeDays;
    }

    public void setDefaultLifetimeDays(Integer value) {
        this.defaultLifetimeDays = value;
    }

    public Integer getMaxLifetimeDays() {
        return maxLifetimeDays;
    }

    public void setMaxLifetimeDays(Integer value) {
        this.maxLifetimeDays = value;
    }

    public boolean isAllowNonExpiring() {
        return allowNonExpiring;
    }

    public void setAllowNonExpiring(boolean value) {
        this.allowNonExpiring = value;
    }

    public Integer getMaxActiveCredentials() {
        return maxActiveCredentials;
    }

    public void setMaxActiveCredentials(Integer value) {
        this.maxActiveCredentials = value;
    }

    public Integer getExpiryWarningDays() {
        return expiryWarningDays;
    }

    public void setExpiryWarningDays(Integer value) {
        this.expiryWarningDays = value;
    }

    public Integer getIdleDays() {
        return idleDays;
    }

    public void setIdleDays(Integer value) {
        this.idleDays = value;
    }
}
