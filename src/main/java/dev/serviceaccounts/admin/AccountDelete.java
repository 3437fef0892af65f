package dev.serviceaccounts.admin;

import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccounts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;

/**
 * Deleting an account, behind a confirmation that names it: the admin types the identifier.
 * A protected view (faces-config.xml), so only the console's own link opens it.
 */
@Named
@ViewScoped
public class AccountDelete implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ServiceAccounts accounts;

    @Inject
    CurrentCaller caller;

    private String id;
    private UUID accountId;
    private long version;
    private String identifier;
    private String confirmation;

    public void load() {
        Messages.opens(() -> {
            accountId = Forms.requiredId(id);
            ServiceAccountView account = accounts.get(caller.get(), accountId);
            version = account.version();
            identifier = account.identifier();
        });
    }

    public String delete() {
        if (!identifier.equals(confirmation == null ? null : confirmation.strip())) {
            Messages.error("Type the identifier " + identifier + " to confirm.");
            return null;
        }
        if (!Messages.succeeds(() -> accounts.delete(caller.get(), accountId, version))) {
            return null;
        }
        return Messages.redirect("/admin/accounts.xhtml", "Service account " + identifier + " deleted; its credentials no longer work.");
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

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
