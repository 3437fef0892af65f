package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

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

    @Inject
    Console console;

    private final AccountForm form = new AccountForm();

    /**
     * Opens the page for those who may create somewhere (403 otherwise); a team administrator has
     * no organization level to create in, so its first team is preselected.
     */
    public void open() {
        var teams = console.getManageableTeams();
        Messages.opens(() -> {
            if (teams.isEmpty()) {
                AccessPolicy.require(caller.get(), Operation.MANAGE_SERVICE_ACCOUNTS, Scope.ORGANIZATION);
            }
            if (!console.isOrgAdmin()) {
                form.setTeamId(teams.get(0).id().toString());
            }
        });
    }

    public String create() {
        var created = Messages.attempt(() -> credentials.createWithCredential(caller.get(), form.newAccount(), form.credential(null)));
        if (created == null) {
            return null;
        }
        oneTimeSecret.put(created.account().id(), created.credential());
        return AccountDetail.page(created.account().id()) + "&faces-redirect=true";
    }

    public AccountForm getForm() {
        return form;
    }
}
