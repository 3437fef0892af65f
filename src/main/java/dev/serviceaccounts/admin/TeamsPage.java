package dev.serviceaccounts.admin;

import dev.serviceaccounts.http.MergePatch.Change;
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

/** Teams for OWNER and ORG_ADMIN: list with their administrators, create, rename, delete an empty team. */
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
    private String renameId;
    private String newName;

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

    /** Renames a team; its accounts, roles and administrators stay with it. */
    public String rename() {
        var renamed = Messages.attempt(() -> teams.update(caller.get(), Forms.requiredId(renameId), null,
                new Change<>(newName), null));
        if (renamed == null) {
            return null;
        }
        return Messages.redirect("/admin/teams.xhtml", "Team renamed " + renamed.name() + ".");
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

    public String getRenameId() {
        return renameId;
    }

    public void setRenameId(String renameId) {
        this.renameId = renameId;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
