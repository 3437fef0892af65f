package dev.serviceaccounts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.BrowserIT;
import dev.serviceaccounts.Fixtures;
import jakarta.json.Json;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Who gets into the console, and what each role sees there: exactly what the policy allows. */
@ConsoleOnH2
class ConsoleAccessIT extends BrowserIT {

    @Test
    void aTeamAdminSeesOnlyTheirTeamsAccounts() {
        String mine = fixtures.team();
        String other = fixtures.team();
        var ownAccount = fixtures.serviceAccount(mine);
        var otherAccount = fixtures.serviceAccount(other);
        var orgAccount = fixtures.serviceAccount(null);
        var admin = fixtures.teamAdmin(mine);

        browser.signIn(admin.username(), Fixtures.PASSWORD);
        var listed = browser.texts("#accounts a.identifier");
        assertEquals(java.util.List.of(ownAccount.getString("identifier")), listed);
        assertFalse(browser.has("header nav a[href$='members.xhtml']"), "no members page for a team admin");
        browser.screenshot("team-admin-sees-own-team");

        browser.open("admin/account.xhtml?id=" + ownAccount.getString("id"));
        assertEquals(ownAccount.getString("identifier"), browser.title());
        for (var hidden : java.util.List.of(otherAccount, orgAccount)) {
            browser.open("admin/account.xhtml?id=" + hidden.getString("id"));
            assertEquals("Not allowed", browser.title());
            assertFalse(browser.driver().getPageSource().contains(hidden.getString("identifier")));
        }
        browser.open("admin/accounts.xhtml?team=" + other);
        assertTrue(browser.messages().get(0).contains("only the teams they administer"), browser.messages().toString());
        assertFalse(browser.has("#accounts"));
        browser.open("admin/members.xhtml");
        assertEquals("Not allowed", browser.title());
    }

    @Test
    void aUserSeesNoAccount() {
        fixtures.serviceAccount(fixtures.team());
        var user = fixtures.member("USER");

        browser.signIn(user.username(), Fixtures.PASSWORD);
        assertEquals("/admin/accounts.xhtml", browser.path());
        assertTrue(browser.text("#noAccounts").contains("Your role shows you no service accounts"));
        assertFalse(browser.has("#accounts"));
        assertFalse(browser.has("#newAccount"));
        browser.screenshot("user-sees-no-account");
        for (String page : new String[] {"audit.xhtml", "teams.xhtml", "members.xhtml", "policy.xhtml", "account-new.xhtml"}) {
            browser.open("admin/" + page);
            assertEquals("Not allowed", browser.title(), page + " opened for a USER");
        }
    }

    @Test
    void aServiceAccountsKeyAndSecretAreRefusedAtTheLoginForm() {
        var account = fixtures.serviceAccount(null);
        var issued = owner.post("api/v1/service-accounts/" + account.getString("id") + "/credentials", Json.createObjectBuilder().build())
                .expect(201).json();
        String keyId = issued.getString("keyId");
        String secret = issued.getString("secret");

        for (String[] attempt : new String[][] {{keyId, secret}, {account.getString("identifier"), secret}, {secret, secret}}) {
            browser.signIn(attempt[0], attempt[1]);
            assertEquals("/login.xhtml", browser.path());
            assertEquals("Wrong username or password.", browser.messages().get(0));
            browser.open("admin/accounts.xhtml");
            assertEquals("/login.xhtml", browser.path(), "no session after a refused sign-in");
        }
        // Nor does the console take the credential in a header: it sends the caller to sign in.
        for (String header : new String[] {"Bearer " + secret,
                "Basic " + Base64.getEncoder().encodeToString((keyId + ":" + secret).getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString((Fixtures.ADMIN + ":" + Fixtures.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))}) {
            var reply = anonymous.withAuthorization(header).get("admin/accounts.xhtml");
            assertEquals(302, reply.status());
            assertTrue(reply.header("Location").endsWith("/login.xhtml"), reply.header("Location"));
        }
        // The same credential still works where it belongs.
        anonymous.withAuthorization("Bearer " + secret).get("api/v1/me").expect(200);
    }

    @Test
    void signingInRotatesTheSessionIdAndSigningOutEndsTheSession() {
        browser.open("login.xhtml");
        String before = browser.cookie("JSESSIONID");
        assertNotNull(before, "the login page's form has a session for its view state");
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        String after = browser.cookie("JSESSIONID");
        assertNotEquals(before, after);
        assertEquals("/admin/accounts.xhtml", browser.path());
        browser.screenshot("accounts-list");

        // The old id is worth nothing.
        var stale = anonymous.withCookie("JSESSIONID=" + before).get("admin/accounts.xhtml");
        assertEquals(302, stale.status());

        browser.click("session:signOut");
        assertEquals("/login.xhtml", browser.path());
        assertTrue(browser.has("#signedOut"));
        var ended = anonymous.withCookie("JSESSIONID=" + after).get("admin/accounts.xhtml");
        assertEquals(302, ended.status(), "the signed-out session is dead");
        browser.open("admin/accounts.xhtml");
        assertEquals("/login.xhtml", browser.path());
    }

    @Test
    void wrongPasswordsAreRefusedWithOneMessage() {
        var member = fixtures.member("ORG_ADMIN");
        browser.signIn(member.username(), "not-the-password");
        assertEquals("Wrong username or password.", browser.messages().get(0));
        browser.signIn("nobody-" + member.username(), Fixtures.PASSWORD);
        assertEquals("Wrong username or password.", browser.messages().get(0));
        assertTrue(browser.driver().getPageSource().contains("name=\"login:password\" value=\"\""), "the password is never sent back");

        // the refused console sign-in is in the audit trail, as an API one is (LoggingIT)
        var refused = owner.get("api/v1/audit-events?action=AUTHENTICATION_FAILED&targetId=" + member.id()).expect(200).json()
                .getJsonArray("items");
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("WRONG_PASSWORD", refused.getJsonObject(0).getJsonObject("details").getString("reason"));
        assertEquals(member.username(), refused.getJsonObject(0).getJsonObject("details").getString("username"));
        assertEquals("ANONYMOUS", refused.getJsonObject(0).getJsonObject("actor").getString("kind"));
    }
}
