package dev.serviceaccounts.admin;

import dev.serviceaccounts.health.boundary.Reports;
import dev.serviceaccounts.credential.boundary.CredentialView;
import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.credential.boundary.IssuedCredential;
import dev.serviceaccounts.credential.boundary.UsageView;
import dev.serviceaccounts.credential.entity.Credential;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccounts;
import dev.serviceaccounts.serviceaccount.entity.Status;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Inject
    Console console;

    @Inject
    Reports reports;

    private String id;
    private UUID accountId;
    private long version;
    private transient ServiceAccountView account;
    private transient List<CredentialView> credentialList;
    private transient UsageView usage;
    private transient Boolean idle;
    private transient OneTimeSecret.Secret secret;
    private AccountForm form;
    private long gracePeriodSeconds;

    /** Opens the page: 404 or 403 when the account is missing or not the caller's to see. */
    public void load() {
        if (Messages.opens(() -> {
            accountId = Forms.requiredId(id);
            account = accounts.get(caller.get(), accountId);
        })) {
            version = account.version();
            form = AccountForm.of(account);
            secret = oneTimeSecret.take(accountId);
        }
    }

    public String save() {
        return act("Saved.", () -> accounts.update(caller.get(), accountId, version, form.changes()));
    }

    public String saveRoles() {
        return act("Roles saved.", () -> accounts.replaceRoles(caller.get(), accountId, version, form.grants()));
    }

    public String disable() {
        return act("Disabled: its credentials are refused until it is enabled again.",
                () -> accounts.disable(caller.get(), accountId, version));
    }

    public String enable() {
        return act("Enabled.", () -> accounts.enable(caller.get(), accountId, version));
    }

    public String issue() {
        return showOnce(() -> credentials.issue(caller.get(), accountId, form.credential(null)));
    }

    public String rotate(String keyId) {
        return showOnce(() -> credentials.rotate(caller.get(), accountId, keyId, form.credential(gracePeriodSeconds)));
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
        oneTimeSecret.put(accountId, issued);
        return page(accountId) + "&faces-redirect=true";
    }

    private String act(String done, Supplier<?> action) {
        if (Messages.attempt(action) == null) {
            return null;
        }
        return Messages.redirect(page(accountId), done);
    }

    /** The address of an account's page. */
    static String page(UUID accountId) {
        return "/admin/account.xhtml?id=" + accountId;
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
            usage = credentials.usage(caller.get(), accountId, Credentials.RECENT_DAYS);
        }
        return usage;
    }

    /** The usage chart's bars: the recent days, scaled to the busiest. */
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
                && credential.expiresAt().isBefore(now.plus(Duration.ofDays(console.getPolicy().expiryWarningDays())))) {
            return "expires soon";
        }
        return credential.state().name().toLowerCase();
    }

    /** Idle by the credential policy: no authentication for its idle days. */
    public boolean isIdle() {
        if (idle == null) { // asked several times while the page renders: one query
            idle = reports.idleAmong(java.util.List.of(accountId)).contains(accountId);
        }
        return idle;
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

    public AccountForm getForm() {
        return form;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getGracePeriodSeconds() {
        return gracePeriodSeconds;
    }

    public void setGracePeriodSeconds(long gracePeriodSeconds) {
        this.gracePeriodSeconds = gracePeriodSeconds;
    }
}
