package dev.serviceaccounts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.BrowserIT;
import dev.serviceaccounts.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** An owner runs a service account's whole life in the console, and the API agrees at every step. */
@ConsoleOnH2
class AccountConsoleIT extends BrowserIT {

    @Test
    void createUseRotateDisableDeleteWithAnAuditEntryForEach() {
        String team = fixtures.team();
        String teamName = owner.get("api/v1/teams/" + team).expect(200).json().getString("name");
        String identifier = Fixtures.unique("console");

        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        assertEquals("/admin/accounts.xhtml", browser.path());
        browser.click("newAccount");
        browser.type("create:identifier", identifier);
        browser.type("create:displayName", "Deploys from CI");
        browser.type("create:description", "Created in the browser test");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("create:team"))).selectByVisibleText(teamName);
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("create:lifetime"))).selectByVisibleText("30 days");
        browser.click("create:createAccount");

        // The secret is shown once, with a copy button that puts it on the clipboard.
        assertEquals(identifier, browser.title());
        String secret = browser.text("#secretValue");
        assertTrue(secret.startsWith("sas_"), secret);
        assertTrue(browser.text("#newSecret").contains("it will not be shown again"));
        browser.press("copySecret");
        assertEquals("Copied", browser.text("#copySecret"));
        browser.screenshot("account-created-secret-shown-once");
        var pasteInto = browser.driver().findElement(By.id("properties:description"));
        pasteInto.clear();
        pasteInto.sendKeys(Keys.chord(Keys.CONTROL, "v"));
        assertEquals(secret, pasteInto.getDomProperty("value"), "the clipboard holds the secret");

        var me = anonymous.withAuthorization("Bearer " + secret).get("api/v1/me").expect(200).json();
        assertEquals(identifier, me.getString("name"));
        String accountId = me.getString("id");

        // A form sent from that page (here refused: a bad identifier) does not show it again either.
        browser.type("properties:identifier", "Not Valid");
        browser.click("properties:save");
        assertTrue(browser.messages().get(0).startsWith("Identifier:"), browser.messages().toString());
        assertFalse(browser.has("#newSecret"));
        browser.open("admin/account.xhtml?id=" + accountId);

        // Reloading, or coming back, never shows it again.
        browser.driver().navigate().refresh();
        assertFalse(browser.has("#newSecret"));
        assertFalse(browser.driver().getPageSource().contains(secret));
        browser.open("admin/accounts.xhtml");
        browser.driver().navigate().back();
        assertFalse(browser.driver().getPageSource().contains(secret));

        // The credential table shows it used, from the test's address.
        assertTrue(browser.text("#credentialTable tbody").contains("from 127.0.0.1"), browser.text("#credentialTable tbody"));
        assertEquals("1", browser.text("#usageTotal"));
        browser.screenshot("account-detail");

        // Rotate: a new secret, shown once; the old one is refused at once.
        browser.submit(browser.find("tr[data-key^='sak_'] input[value='Rotate']"));
        String rotated = browser.text("#secretValue");
        assertNotEquals(secret, rotated);
        anonymous.withAuthorization("Bearer " + secret).get("api/v1/me").expect(401);
        anonymous.withAuthorization("Bearer " + rotated).get("api/v1/me").expect(200);

        // Disable: every credential refused.
        browser.click("roles:disable");
        assertEquals("disabled", browser.text("#status"));
        anonymous.withAuthorization("Bearer " + rotated).get("api/v1/me").expect(401);

        // Delete, behind a confirmation naming the account.
        browser.click("roles:delete");
        assertEquals("Delete " + identifier, browser.title());
        browser.type("confirm:confirmation", "not-the-name");
        browser.click("confirm:deleteAccount");
        assertTrue(browser.messages().get(0).contains("Type the identifier " + identifier), browser.messages().toString());
        owner.get("api/v1/service-accounts/" + accountId).expect(200);
        browser.type("confirm:confirmation", identifier);
        browser.click("confirm:deleteAccount");
        assertEquals("/admin/accounts.xhtml", browser.path());
        assertTrue(browser.messages().get(0).contains(identifier + " deleted"));
        owner.get("api/v1/service-accounts/" + accountId).expect(404);

        // The account's audit trail: one entry per action, newest first, by the owner, from the browser's
        // address; the refused calls with the rotated-away and the disabled credential are there too.
        browser.open("admin/audit.xhtml?target=" + accountId);
        List<String> actions = browser.texts("#events td.action");
        assertEquals(List.of("SERVICE_ACCOUNT_DELETED", "AUTHENTICATION_FAILED", "SERVICE_ACCOUNT_DISABLED",
                "AUTHENTICATION_FAILED", "CREDENTIAL_ROTATED", "CREDENTIAL_ISSUED", "SERVICE_ACCOUNT_CREATED"), actions);
        browser.texts("#events tr.event").stream().filter(row -> !row.contains("AUTHENTICATION_FAILED"))
                .forEach(row -> assertTrue(row.contains(Fixtures.ADMIN + " MEMBER") && row.endsWith("127.0.0.1"), row));
        browser.screenshot("account-audit-trail");
    }
}
