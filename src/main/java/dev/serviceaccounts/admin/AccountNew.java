package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.credential.boundary.NewCredential;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.serviceaccount.boundary.NewServiceAccount;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creating a service account with its first credential, whose secret the next page shows once. */
@Named
@ViewScoped
public class AccountNew implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @Inject
    OneTimeSecret oneTimeSecret;

    private String identifier;
    private String displayName;
    private String description;
    private String teamId;
    private Integer lifetimeDays;
    private boolean neverExpires;
    private final Map<String, String> roles = new HashMap<>(); // team id -> role name, "" for none

    @Inject
    Console console;

    /** A team administrator has no organization level to create in: its first team is preselected. */
    @jakarta.annotation.PostConstruct
    void preselectTeam() {
        if (!console.isOrgAdmin() && !console.getManageableTeams().isEmpty()) {
            teamId = console.getManageableTeams().get(0).id().toString();
        }
    }

    public String create() {
        var created = Messages.attempt(() -> credentials.createWithCredential(caller.get(),
                new NewServiceAccount(identifier, displayName, description, Forms.uuid(teamId), false, false, Forms.grants(roles)),
                new NewCredential(neverExpires ? Integer.valueOf(0) : lifetimeDays, null, null)));
        if (created == null) {
            return null;
        }
        var issued = created.credential();
        oneTimeSecret.put(new OneTimeSecret.Secret(created.account().id(), issued.keyId(), issued.secret(), null));
        return "/admin/account.xhtml?faces-redirect=true&id=" + created.account().id();
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
