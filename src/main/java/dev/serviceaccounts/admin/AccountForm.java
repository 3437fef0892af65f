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
    private Integer lifetimeDays;
    private boolean neverExpires;

    static AccountForm of(ServiceAccountView account) {
        var form = new AccountForm();
        form.identifier = account.identifier();
        form.displayName = account.displayName();
        form.description = account.description();
        form.teamId = account.team() == null ? null : account.team().id().toString();
        account.roles().forEach(role -> form.roles.put(role.teamId().toString(), role.role().name()));
        return form;
    }

    NewServiceAccount newAccount() {
        return new NewServiceAccount(identifier, displayName, description, Forms.uuid(teamId), false, false, grants(), null);
    }

    ServiceAccountChanges changes() {
        return new ServiceAccountChanges(new Change<>(identifier), new Change<>(displayName), new Change<>(description),
                new Change<>(Forms.uuid(teamId)), null, null);
    }

    List<RoleGrant> grants() {
        return Forms.grants(roles);
    }

    /** Lifetime 0 asks for a credential that never expires; the policy decides whether that is allowed. */
    NewCredential credential(Long gracePeriodSeconds) {
        return new NewCredential(neverExpires ? Integer.valueOf(0) : lifetimeDays, null, gracePeriodSeconds);
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

    public Integer getLifetimeDays() {
        return lifetimeDays;
    }

    public void setLifetimeDays(Integer lifetimeDays) {
        this.lifetimeDays = lifetimeDays;
    }

    public boolean isNeverExpires() {
        return neverExpires;
    }

    public void setNeverExpires(boolean neverExpires) {
        this.neverExpires = neverExpires;
    }
}
