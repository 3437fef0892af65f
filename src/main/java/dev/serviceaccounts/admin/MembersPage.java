package dev.serviceaccounts.admin;

import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.member.boundary.MemberView;
import dev.serviceaccounts.member.boundary.Members;
import dev.serviceaccounts.member.boundary.NewMember;
import dev.serviceaccounts.security.OrgRole;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Members for OWNER and ORG_ADMIN: create, change role, make team administrator, remove. */
@Named
@RequestScoped
public class MembersPage {

    @Inject
    Members members;

    @Inject
    CurrentCaller caller;

    private List<MemberView> list;
    private String username;
    private String displayName;
    private String email;
    private String password;
    private OrgRole orgRole = OrgRole.USER;
    private final Map<String, String> roles = new HashMap<>();     // member id -> chosen role
    private final Map<String, String> adminTeams = new HashMap<>(); // member id -> team to add

    public void load() {
        Messages.opens(() -> AccessPolicy.require(caller.get(), AccessPolicy.Operation.MANAGE_MEMBERS, AccessPolicy.Scope.ORGANIZATION));
    }

    public List<MemberView> getList() {
        if (list == null) {
            list = members.list(caller.get(), new PageRequest(0, PageRequest.MAX_SIZE)).items();
            list.forEach(m -> roles.putIfAbsent(m.id().toString(), m.orgRole().name()));
        }
        return list;
    }

    public String create() {
        var request = new NewMember(username, displayName, email, password, orgRole);
        password = null;
        return done(Messages.attempt(() -> members.create(caller.get(), request)) != null, "Member " + username + " created.");
    }

    public String changeRole(MemberView member) {
        String role = roles.get(member.id().toString());
        return done(Messages.attempt(() -> members.update(caller.get(), member.id(), member.version(), null, null, null,
                new Change<>(role))) != null, member.username() + " is now " + role + ".");
    }

    public String grantTeamAdmin(MemberView member) {
        UUID team = Forms.uuid(adminTeams.get(member.id().toString()));
        if (team == null) {
            Messages.error("Choose a team for " + member.username() + ".");
            return null;
        }
        return done(Messages.succeeds(() -> members.grantTeamAdmin(caller.get(), member.id(), team)),
                member.username() + " now administers the team.");
    }

    public String revokeTeamAdmin(MemberView member, UUID team) {
        return done(Messages.succeeds(() -> members.revokeTeamAdmin(caller.get(), member.id(), team)),
                member.username() + " no longer administers the team.");
    }

    public String delete(MemberView member) {
        return done(Messages.succeeds(() -> members.delete(caller.get(), member.id(), member.version())),
                "Member " + member.username() + " removed.");
    }

    private static String done(boolean succeeded, String message) {
        if (!succeeded) {
            return null;
        }
        return Messages.redirect("/admin/members.xhtml", message);
    }

    public List<OrgRole> getRoleChoices() {
        return List.of(OrgRole.values());
    }

    public Map<String, String> getRoles() {
        return roles;
    }

    public Map<String, String> getAdminTeams() {
        return adminTeams;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public OrgRole getOrgRole() {
        return orgRole;
    }

    public void setOrgRole(OrgRole orgRole) {
        this.orgRole = orgRole;
    }
}
