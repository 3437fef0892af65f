package dev.serviceaccounts.admin;

import dev.serviceaccounts.organization.boundary.Organizations;
import dev.serviceaccounts.organization.entity.CredentialPolicy;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.authentication.ConsoleSessions;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.team.boundary.TeamView;
import dev.serviceaccounts.team.boundary.Teams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** Who is signed in, what the navigation offers them, and signing out. */
@Named
@RequestScoped
public class Console {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Teams teams;

    @Inject
    Organizations organizations;

    @Inject
    HttpServletRequest request;

    @Inject
    ExternalContext external;

    public Caller getCaller() {
        return currentCaller.get();
    }

    public boolean isSignedIn() {
        return currentCaller.isPresent();
    }

    public boolean isOrgAdmin() {
        return getCaller().isOrgAdmin();
    }

    /** Service accounts and audit are the pages of anyone who may see at least one account. */
    public boolean isReader() {
        return AccessPolicy.seesAny(getCaller(), Operation.READ_SERVICE_ACCOUNTS);
    }

    private List<TeamView> visibleTeams;

    /** The teams the caller reads (all of them for org admins), by name. */
    public List<TeamView> getTeams() {
        if (visibleTeams == null) {
            visibleTeams = isReader() ? teams.list(getCaller(), new PageRequest(0, PageRequest.MAX_SIZE)).items() : List.of();
        }
        return visibleTeams;
    }

    /** Teams the caller may place accounts in and grant roles in. */
    public List<TeamView> getManageableTeams() {
        return getTeams().stream()
                .filter(team -> AccessPolicy.permits(getCaller(), Operation.MANAGE_SERVICE_ACCOUNTS, Scope.team(team.id()))).toList();
    }

    private CredentialPolicy policy;

    /** The credential policy in force: what the console offers (lifetimes, warnings) follows it. */
    public CredentialPolicy getPolicy() {
        if (policy == null) {
            policy = organizations.policyInForce();
        }
        return policy;
    }

    public String signOut() throws ServletException {
        request.logout();
        external.invalidateSession();
        return ConsoleSessions.LOGIN_PAGE + "?faces-redirect=true&signedOut=true";
    }
}
