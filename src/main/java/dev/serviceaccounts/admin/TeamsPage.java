package dev.serviceaccounts.admin;

import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.member.boundary.MemberRef;
import dev.serviceaccounts.member.boundary.Members;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.team.boundary.NewTeam;
import dev.serviceaccounts.team.boundary.TeamView;
import dev.serviceaccounts.team.boundary.Teams;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/** Teams for OWNER and ORG_ADMIN: list with their administrators, create, delete an empty team. */
@Named
@RequestScoped
public class TeamsPage {

    @Inject
    Teams teams;

    @Inject
    Members members;

    @Inject
    CurrentCaller caller;

    private List<TeamView> list;
    private String name;
    private String description;

    public void load() {
        Messages.opens(() -> AccessPolicy.require(caller.get(), AccessPolicy.Operation.MANAGE_TEAMS, AccessPolicy.Scope.ORGANIZATION));
    }

    public List<TeamView> getList() {
        if (list == null) {
            list = teams.list(caller.get(), new PageRequest(0, PageRequest.MAX_SIZE)).items();
        }
        return list;
    }

    public List<MemberRef> adminsOf(UUID teamId) {
        return members.adminsOf(caller.get(), teamId);
    }

    public String create() {
        if (Messages.attempt(() -> teams.create(caller.get(), new NewTeam(name, description))) == null) {
            return null;
        }
        return Messages.redirect("/admin/teams.xhtml", "Team " + name.strip() + " created.");
    }

    public String delete(UUID id, long version) {
        if (!Messages.succeeds(() -> teams.delete(caller.get(), id, version))) {
            return null;
        }
        return Messages.redirect("/admin/teams.xhtml", "Team deleted.");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
