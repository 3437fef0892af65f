package dev.serviceaccounts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.BrowserIT;
import dev.serviceaccounts.Fixtures;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** Teams, members and the credential policy, managed by an organization admin in the console. */
@ConsoleOnH2
class OrganizationConsoleIT extends BrowserIT {

    @Test
    void anOrgAdminVerifiesTheAuditTrailFromTheAuditPage() {
        var orgAdmin = fixtures.member("ORG_ADMIN");
        browser.signIn(orgAdmin.username(), Fixtures.PASSWORD);
        browser.open("admin/audit.xhtml");
        browser.click("verify");
        String result = browser.text("#chain");
        assertTrue(result.startsWith("Intact."), result);
        assertEquals(owner.get("api/v1/audit-events/verification").expect(200).json().getString("headHash").length(),
                browser.text("#headHash").length());
        browser.screenshot("audit-verified");

        browser.forget();
        browser.signIn(fixtures.teamAdmin(fixtures.team()).username(), Fixtures.PASSWORD);
        browser.open("admin/audit.xhtml");
        assertTrue(!browser.has("#verify"), "a team administrator does not verify the organization's trail");
    }

    @Test
    void anOrgAdminCreatesATeamAndAMemberWhoAdministersIt() {
        var orgAdmin = fixtures.member("ORG_ADMIN");
        String team = Fixtures.unique("console-team");
        String username = Fixtures.unique("console-member");

        browser.signIn(orgAdmin.username(), Fixtures.PASSWORD);
        browser.open("admin/teams.xhtml");
        browser.type("newTeam:name", team);
        browser.type("newTeam:description", "made in the console");
        browser.click("newTeam:createTeam");
        assertEquals("Team " + team + " created.", browser.messages().get(0));
        assertTrue(browser.texts("#teamTable tbody td:first-child").contains(team));
        String teamId = owner.get("api/v1/teams?size=500").expect(200).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(t -> t.getString("name").equals(team)).findFirst().orElseThrow().getString("id");

        browser.open("admin/members.xhtml");
        browser.type("newMember:username", username);
        browser.type("newMember:displayName", "Console Member");
        browser.type("newMember:email", username + "@example.com");
        browser.type("newMember:password", "short");
        browser.click("newMember:createMember");
        assertTrue(browser.messages().get(0).contains("password"), browser.messages().toString());
        browser.type("newMember:password", Fixtures.PASSWORD);
        browser.click("newMember:createMember");
        assertEquals("Member " + username + " created.", browser.messages().get(0));

        var row = browser.find("tr[data-member='" + username + "']");
        new Select(row.findElement(By.cssSelector("select[id$=':team']"))).selectByVisibleText(team);
        browser.submit(row.findElement(By.cssSelector("input[id$=':grantAdmin']")));
        assertEquals(username + " now administers the team.", browser.messages().get(0));
        browser.screenshot("members");

        // The API agrees, and the new member now sees that team's accounts.
        var admins = owner.get("api/v1/teams/" + teamId + "/admins").expect(200).array();
        assertEquals(username, admins.getJsonObject(0).getString("username"));
        var account = fixtures.serviceAccount(teamId);
        owner.as(username, Fixtures.PASSWORD).get("api/v1/service-accounts/" + account.getString("id")).expect(200);
        assertEquals(2, owner.get("api/v1/audit-events?targetId=" + admins.getJsonObject(0).getString("id")).expect(200)
                .json().getInt("totalItems"), "MEMBER_CREATED and TEAM_ADMIN_GRANTED");
    }

    @Test
    void theCredentialPolicyIsEditedWithItsRulesEnforced() {
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/policy.xhtml");
        var before = owner.get("api/v1/organization/credential-policy").expect(200).json();
        assertEquals(String.valueOf(before.getInt("defaultLifetimeDays")), browser.find("#policy\\:defaultLifetime").getDomProperty("value"));

        browser.type("policy:defaultLifetime", "400");
        browser.type("policy:maxLifetime", "365");
        browser.click("policy:savePolicy");
        assertTrue(browser.messages().get(0).contains("must not exceed"), browser.messages().toString());
        assertEquals(before, owner.get("api/v1/organization/credential-policy").expect(200).json(), "nothing changed");

        browser.type("policy:defaultLifetime", String.valueOf(before.getInt("defaultLifetimeDays")));
        browser.type("policy:maxLifetime", String.valueOf(before.getInt("maxLifetimeDays")));
        browser.type("policy:maxActive", String.valueOf(before.getInt("maxActiveCredentials")));
        browser.click("policy:savePolicy");
        assertTrue(browser.messages().get(0).startsWith("Credential policy saved"), browser.messages().toString());
        browser.screenshot("credential-policy");
    }
}
