package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.CredentialView;
import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.credential.boundary.IssuedCredential;
import dev.serviceaccounts.credential.boundary.NewCredential;
import dev.serviceaccounts.credential.boundary.UsageView;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountChanges;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccounts;
import dev.serviceaccounts.serviceaccount.entity.Status;
import dev.serviceaccounts.serviceaccount.entity.TeamRole;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One service account: its properties, roles, status, credentials and usage. Every action ends
 * in a redirect to this page (post, redirect, get), so reloading never repeats it, and a newly
 * issued secret reaches the page through {@link OneTimeSecret}, once.
 */
@Named
@ViewScoped
public class AccountDetail implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A credential expiring within this is marked. */
    static final Duration SOON = Duration.ofDays(14);

    @Inject
    ServiceAccounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    CurrentCaller caller;

    @Inject
    OneTimeSecret oneTimeSecret;

    @Inject
    Clock clock;

    private String id;
    private UUID accountId;
    private long version;
    private transient ServiceAccountView account;
    private transient List<CredentialView> credentialList;
    private transient UsageView usage;
    private transient OneTimeSecret.Secret secret;

    private String identifier;
    private String displayName;
    private String description;
    private String teamId;
    private final Map<String, String> roles = new HashMap<>();
    private Integer lifetimeDays;
    private boolean neverExpires;
    private long gracePeriodSeconds;

    /** Opens the page: 404 or 403 when the account is missing or not the caller's to see. */
    public void load() {
        try {
            accountId = Forms.uuid(id);
            if (accountId == null) {
                throw ProblemException.notFound("No service account was named.");
            }
            account = accounts.get(caller.get(), accountId);
        } catch (ProblemException problem) {
            Messages.sendError(problem);
            return;
        }
        version = account.version();
        identifier = account.identifier();
        displayName = account.displayName();
        description = account.description();
        teamId = account.team() == null ? null : account.team().id().toString();
        account.roles().forEach(role -> roles.put(role.teamId().toString(), role.role().name()));
        secret = oneTimeSecret.take(accountId);
    }

    public String save() {
        return act("Saved.", () -> accounts.update(caller.get(), accountId, version, new ServiceAccountChanges(
                new Change<>(identifier), new Change<>(displayName), new Change<>(description),
                new Change<>(Forms.uuid(teamId)), null, null)));
    }

    public String saveRoles() {
        return act("Roles saved.", () -> accounts.replaceRoles(caller.get(), accountId, version, Forms.grants(roles)));
    }

    public String disable() {
        return act("Disabled: its credentials are refused until it is enabled again.",
                () -> accounts.disable(caller.get(), accountId, version));
    }

    public String enable() {
        return act("Enabled.", () -> accounts.enable(caller.get(), accountId, version));
    }

    public String issue() {
        return showOnce(() -> credentials.issue(caller.get(), accountId,
                new NewCredential(neverExpires ? Integer.valueOf(0) : lifetimeDays, null, null)));
    }

    public String rotate(String keyId) {
        return showOnce(() -> credentials.rotate(caller.get(), accountId, keyId,
                new NewCredential(neverExpires ? Integer.valueOf(0) : lifetimeDays, null, gracePeriodSeconds)));
    }

    public String revoke(String keyId) {
        return act("Credential " + keyId + " revoked: the next request that uses it is refused.",
                () -> credentials.revoke(caller.get(), accountId, keyId, "revoked in the console"));
    }

    private String showOnce(Supplier<IssuedCredential> action) {
        IssuedCredential issued = Messages.attempt(action);
        if (issued == null) {
            return null;
        }
        oneTimeSecret.put(new OneTimeSecret.Secret(accountId, issued.keyId(), issued.secret(), issued.replacedKeyId()));
        return self();
    }

    private String act(String done, Supplier<?> action) {
        if (Messages.attempt(action) == null) {
            return null;
        }
        Messages.info(done);
        Messages.keepForRedirect();
        return self();
    }

    private String self() {
        return "/admin/account.xhtml?faces-redirect=true&id=" + accountId;
    }

    public ServiceAccountView getAccount() {
        if (account == null && accountId != null) {
            account = accounts.get(caller.get(), accountId);
        }
        return account;
    }

    public List<CredentialView> getCredentials() {
        if (credentialList == null) {
            credentialList = credentials.list(caller.get(), accountId);
        }
        return credentialList;
    }

    public UsageView getUsage() {
        if (usage == null) {
            usage = credentials.usage(caller.get(), accountId, 30);
        }
        return usage;
    }

    /** The usage chart's bars: 30 days, scaled to the busiest. */
    public List<Chart.Bar> getUsageBars() {
        return Chart.bars(getUsage());
    }

    public boolean isDisabled() {
        return getAccount().status() == Status.DISABLED;
    }

    /** "expired", "revoked", "expires soon" or "active", as the credential table marks it. */
    public String marking(CredentialView credential) {
        Instant now = clock.instant();
        if (credential.state() == Credential.State.ACTIVE && credential.revokedAt() != null) {
            return "ends " + Dates.format(credential.revokedAt()) + " (rotated)";
        }
        if (credential.state() == Credential.State.ACTIVE && credential.expiresAt() != null
                && credential.expiresAt().isBefore(now.plus(SOON))) {
            return "expires soon";
        }
        return credential.state().name().toLowerCase();
    }

    public boolean isActive(CredentialView credential) {
        return credential.state() == Credential.State.ACTIVE;
    }

    /** The new secret, on the page that follows its issue only: any form sent from that page forgets it. */
    public OneTimeSecret.Secret getSecret() {
        if (jakarta.faces.context.FacesContext.getCurrentInstance().isPostback()) {
            secret = null;
        }
        return secret;
    }

    public List<TeamRole> getRoleChoices() {
        return List.of(TeamRole.values());
    }

    public Map<String, String> getRoles() {
        return roles;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public long getGracePeriodSeconds() {
        return gracePeriodSeconds;
    }

    public void setGracePeriodSeconds(long gracePeriodSeconds) {
        this.gracePeriodSeconds = gracePeriodSeconds;
    }
}
