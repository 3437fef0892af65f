package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.NewCredential;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.serviceaccount.boundary.NewServiceAccount;
import dev.serviceaccounts.serviceaccount.boundary.RoleGrant;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountChanges;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the create and detail pages edit of an account, and the credential lifetime they ask for. */
public class AccountForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String identifier;
    private String displayName;
    private String description;
    private String teamId;
    private final Map<String, String> roles = new HashMap<>(); // team id -> role name, blank for none
    private boolean globalAdmin;
    private boolean introspector;
    private boolean loadedGlobalAdmin;
    private boolean loadedIntrospector;
    /** "" for the policy's default, a number of days, NEVER, or CUSTOM (then customDays). */
    private String lifetime = "";
    private Integer customDays;
    private String credentialDescription;

    static final String NEVER = "never";
    static final String CUSTOM = "custom";

    static AccountForm of(ServiceAccountView account) {
        var form = new AccountForm();
        form.identifier = account.identifier();
        form.displayName = account.displayName();
        form.description = account.description();
        form.teamId = account.team() == null ? null : account.team().id().toString();
        account.roles().forEach(role -> form.roles.put(role.teamId().toString(), role.role().name()));
        form.globalAdmin = form.loadedGlobalAdmin = account.globalAdmin();
        form.introspector = form.loadedIntrospector = account.introspector();
        return form;
    }

    NewServiceAccount newAccount() {
        return new NewServiceAccount(identifier, displayName, description, Forms.uuid(teamId), globalAdmin, introspector, grants(), null);
    }

    ServiceAccountChanges changes() {
        return new ServiceAccountChanges(new Change<>(identifier), new Change<>(displayName), new Change<>(description),
                new Change<>(Forms.uuid(teamId)), globalAdmin == loadedGlobalAdmin ? null : new Change<>(globalAdmin),
                introspector == loadedIntrospector ? null : new Change<>(introspector)); // unchanged flags ask for no right
    }

    List<RoleGrant> grants() {
        return Forms.grants(roles);
    }

    /** Lifetime 0 asks for a credential that never expires; the policy decides whether that is allowed. */
    NewCredential credential(Long gracePeriodSeconds) {
        Integer days = switch (lifetime == null ? "" : lifetime) {
            case "" -> null;
            case NEVER -> 0;
            case CUSTOM -> customDays == null ? -1 : customDays; // -1: refused by validation, naming the field
            default -> Integer.valueOf(lifetime);
        };
        return new NewCredential(days, credentialDescription == null || credentialDescription.isBlank() ? null
                : credentialDescription.strip(), gracePeriodSeconds);
    }

    public List<TeamRole> getRoleChoices() {
        return List.of(TeamRole.values());
    }

    public Map<String, String> getRoles() {
        return roles;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTeamId() {
        return teamId;
    }

    public void setTeamId(String teamId) {
        this.teamId = teamId;
    }

    public boolean isGlobalAdmin() {
        return globalAdmin;
    }

    public void setGlobalAdmin(boolean globalAdmin) {
        this.globalAdmin = globalAdmin;
    }

    public boolean isIntrospector() {
        return introspector;
    }

    public void setIntrospector(boolean introspector) {
        this.introspector = introspector;
    }

    public String getLifetime() {
        return lifetime;
    }

    /** Only the offered choices: a forged value is the policy default, never an exception. */
    public void setLifetime(String lifetime) {
        this.lifetime = lifetime != null && (lifetime.matches("30|90|365") || lifetime.equals(NEVER) || lifetime.equals(CUSTOM))
                ? lifetime : "";
    }

    public Integer getCustomDays() {
        return customDays;
    }

    public void setCustomDays(Integer customDays) {
        this.customDays = customDays;
    }

    public String getCredentialDescription() {
        return credentialDescription;
    }

    public void setCredentialDescription(String credentialDescription) {
        this.credentialDescription = credentialDescription;
    }
}
