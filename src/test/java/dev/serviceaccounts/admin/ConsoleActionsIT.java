package dev.serviceaccounts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.BrowserIT;
import dev.serviceaccounts.Fixtures;
import dev.serviceaccounts.ServerClock;
import dev.serviceaccounts.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Every console action that had no browser test: an account's properties, team, flags, roles,
 * status and credentials (issue with a preset and a description, revoke, rotate with grace), the
 * list's search, sort and paging, the idle and expiring marks, team rename, webhooks and reports.
 * Each is checked through the API too, with a screenshot of the page.
 */
@ConsoleOnH2
class ConsoleActionsIT extends BrowserIT {

    private JsonObject account(String team, String identifier) {
        var body = Json.createObjectBuilder().add("identifier", identifier).add("displayName", "Console " + identifier);
        if (team != null) {
            body.add("teamId", team);
        }
        return owner.post("api/v1/service-accounts", body.build()).expect(201).json();
    }

    private void select(String id, String visibleText) {
        new Select(browser.driver().findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    private String teamName(String team) {
        return owner.get("api/v1/teams/" + team).expect(200).json().getString("name");
    }

    @Test
    void anAccountsPropertiesTeamFlagsRolesAndStatusAreEditedInTheConsole() {
        String from = fixtures.team();
        String to = fixtures.team();
        var account = account(from, Fixtures.unique("edit"));
        String id = account.getString("id");
        String path = "api/v1/service-accounts/" + id;
        String renamed = Fixtures.unique("renamed");

        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/account.xhtml?id=" + id);
        browser.type("properties:identifier", renamed);
        browser.type("properties:displayName", "Renamed in the console");
        select("properties:team", teamName(to));
        browser.driver().findElement(By.id("properties:globalAdmin")).click();
        browser.driver().findElement(By.id("properties:introspector")).click();
        browser.click("properties:save");
        assertEquals(List.of("Saved."), browser.messages());
        var saved = owner.get(path).expect(200).json();
        assertEquals(renamed, saved.getString("identifier"));
        assertEquals("Renamed in the console", saved.getString("displayName"));
        assertEquals(to, saved.getJsonObject("team").getString("id"));
        assertTrue(saved.getBoolean("globalAdmin"));
        assertTrue(saved.getBoolean("introspector"));
        browser.screenshot("console-account-properties-saved");

        // roles: MEMBER in the old team
        String label = teamName(from);
        var roleFor = browser.driver().findElements(By.cssSelector("#roles label")).stream()
                .filter(l -> l.getText().equals(label)).findFirst().orElseThrow().getAttribute("for");
        select(roleFor, "MEMBER");
        browser.click("roles:saveRoles");
        assertEquals(List.of("Roles saved."), browser.messages());
        var roles = owner.get(path).expect(200).json().getJsonArray("roles");
        assertEquals(1, roles.size());
        assertEquals("MEMBER", roles.getJsonObject(0).getString("role"));

        // disable, then enable
        browser.click("roles:disable");
        assertEquals("disabled", browser.text("#status"));
        browser.click("roles:enable");
        assertEquals("active", browser.text("#status"));
        assertEquals("ACTIVE", owner.get(path).expect(200).json().getString("status"));
        browser.screenshot("console-account-enabled");

        // the flags come off again, and a team administrator never sees them
        browser.driver().findElement(By.id("properties:globalAdmin")).click();
        browser.driver().findElement(By.id("properties:introspector")).click();
        browser.click("properties:save");
        assertFalse(owner.get(path).expect(200).json().getBoolean("globalAdmin"));
        var teamAdmin = fixtures.teamAdmin(to);
        browser.forget();
        browser.signIn(teamAdmin.username(), Fixtures.PASSWORD);
        browser.open("admin/account.xhtml?id=" + id);
        assertEquals(renamed, browser.title(), "the team administrator reads the account");
        assertFalse(browser.has("#properties\\:globalAdmin") || browser.has("#properties\\:introspector"),
                "organization-level flags are not offered to a team administrator");
    }

    @Test
    void credentialsAreIssuedWithAPresetAndADescriptionRevokedAndRotatedWithGrace() {
        var account = account(null, Fixtures.unique("creds"));
        String id = account.getString("id");
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/account.xhtml?id=" + id);
        assertFalse(browser.driver().findElement(By.cssSelector("#credentials\\:lifetime option[value='never']")).isEnabled(),
                "never expires is offered only when the policy allows it");

        select("credentials:lifetime", "30 days");
        browser.type("credentials:credentialDescription", "deploy pipeline");
        browser.click("credentials:issue");
        String first = browser.text("#secretValue");
        var issued = owner.get("api/v1/service-accounts/" + id + "/credentials").expect(200).array().getJsonObject(0);
        assertEquals("deploy pipeline", issued.getString("description"));
        long days = Duration.between(java.time.Instant.parse(issued.getString("createdAt")),
                java.time.Instant.parse(issued.getString("expiresAt"))).toDays();
        assertEquals(30, days);
        String firstKey = issued.getString("keyId");
        browser.screenshot("console-credential-issued-30-days");

        // rotate with a grace period: the old key keeps working, the new one works too
        select("credentials:grace", "1 hour");
        browser.submit(browser.find("tr[data-key='" + firstKey + "'] input[value='Rotate']"));
        String second = browser.text("#secretValue");
        assertNotEquals(first, second);
        anonymous.withAuthorization("Bearer " + first).get("api/v1/me").expect(200);
        anonymous.withAuthorization("Bearer " + second).get("api/v1/me").expect(200);
        assertTrue(browser.text("tr[data-key='" + firstKey + "']").contains("(rotated)"), browser.text("#credentialTable tbody"));
        assertEquals("deploy pipeline", owner.get("api/v1/service-accounts/" + id + "/credentials").expect(200).array().stream()
                .map(c -> c.asJsonObject()).filter(c -> !c.getString("keyId").equals(firstKey)).findFirst().orElseThrow()
                .getString("description"), "the replacement keeps the description");
        browser.screenshot("console-credential-rotated-with-grace");

        // revoke the old one: refused at once
        browser.submit(browser.find("tr[data-key='" + firstKey + "'] input[value='Revoke']"));
        assertTrue(browser.messages().get(0).contains(firstKey + " revoked"), browser.messages().toString());
        anonymous.withAuthorization("Bearer " + first).get("api/v1/me").expect(401);
        anonymous.withAuthorization("Bearer " + second).get("api/v1/me").expect(200);
    }

    @Test
    void theListSearchesSortsAndPages() {
        String prefix = Fixtures.unique("pager").replace("-", "");
        for (int i = 0; i < 27; i++) {
            account(null, prefix + "-" + (char) ('a' + i / 10) + (i % 10));
        }
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/accounts.xhtml");
        browser.type("q", prefix);
        browser.click("search");
        assertTrue(browser.text("#total").startsWith("27 accounts · page 1 of 2"), browser.text("#total"));
        var firstPage = browser.texts("a.identifier");
        assertEquals(25, firstPage.size());
        assertEquals(prefix + "-a0", firstPage.get(0));
        browser.click("next");
        assertEquals(List.of(prefix + "-c5", prefix + "-c6"), browser.texts("a.identifier"));
        browser.screenshot("console-list-page-2");

        browser.open("admin/accounts.xhtml?q=" + prefix + "&sort=-identifier");
        assertEquals(prefix + "-c6", browser.texts("a.identifier").get(0), "descending");
        browser.submit(browser.driver().findElements(By.cssSelector("th a")).stream()
                .filter(link -> link.getText().startsWith("Identifier")).findFirst().orElseThrow());
        assertEquals(prefix + "-a0", browser.texts("a.identifier").get(0), "the header sorts the other way");
    }

    @Test
    void expiringAndIdleAccountsAreMarkedAndReported() throws Exception {
        String team = fixtures.team();
        var created = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", Fixtures.unique("marks"))
                .add("teamId", team).add("credential", Json.createObjectBuilder().add("lifetimeDays", 5)).build()).expect(201).json();
        String id = created.getJsonObject("account").getString("id");
        String identifier = created.getJsonObject("account").getString("identifier");
        String keyId = created.getJsonObject("credential").getString("keyId");

        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/account.xhtml?id=" + id);
        assertEquals("expires soon", browser.text("tr[data-key='" + keyId + "'] .state"));
        assertFalse(browser.has("#idleNotice"), "a new account is not idle");

        browser.open("admin/reports.xhtml?team=" + team);
        assertEquals(List.of(keyId), browser.driver().findElements(By.cssSelector("#expiringTable tr.expiring")).stream()
                .map(row -> row.getAttribute("data-key")).toList());
        browser.screenshot("console-reports-expiring");

        var clock = new ServerClock();
        try {
            clock.advance(Duration.ofDays(100));
            browser.open("admin/accounts.xhtml?team=" + team);
            assertTrue(browser.text("table.list").contains("idle"), browser.text("table.list"));
            browser.open("admin/account.xhtml?id=" + id);
            assertTrue(browser.text("#idleNotice").startsWith("Idle: no authentication in 90 days"));
            browser.open("admin/reports.xhtml?team=" + team + "&idleDays=30");
            assertEquals(List.of(identifier), browser.driver().findElements(By.cssSelector("#idleTable tr.idle-account")).stream()
                    .map(row -> row.getAttribute("data-account")).toList());
            browser.screenshot("console-reports-idle");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aTeamIsRenamed() {
        String team = fixtures.team();
        String newName = Fixtures.unique("Renamed team");
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/teams.xhtml");
        new Select(browser.driver().findElement(By.id("renameTeam:team"))).selectByValue(team);
        browser.type("renameTeam:newName", newName);
        browser.click("renameTeam:rename");
        assertEquals(List.of("Team renamed " + newName + "."), browser.messages());
        assertEquals(newName, owner.get("api/v1/teams/" + team).expect(200).json().getString("name"));
        browser.screenshot("console-team-renamed");
    }

    @Test
    void webhooksAreAddedTestedFollowedDisabledAndDeleted() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
            browser.open("admin/webhooks.xhtml");
            browser.type("newWebhook:url", receiver.url("console").toString());
            browser.type("newWebhook:description", "console test");
            browser.driver().findElements(By.cssSelector("#newWebhook input[type='checkbox']")).stream()
                    .filter(box -> "credential.expiring".equals(box.getAttribute("value"))).findFirst().orElseThrow().click();
            browser.click("newWebhook:createWebhook");
            String secret = browser.text("#secretValue");
            assertTrue(secret.startsWith("whsec_"), secret);
            browser.screenshot("console-webhook-secret-shown-once");
            browser.driver().navigate().refresh();
            assertFalse(browser.driver().getPageSource().contains(secret), "shown once");

            String row = "tr.webhook[data-url='" + receiver.url("console") + "']";
            browser.submit(browser.find(row + " input[value='Send test event']"));
            var sent = receiver.await(r -> "webhook.test".equals(r.type()), 1, Duration.ofSeconds(60)).get(0);
            assertTrue(sent.signedWith(secret));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!browser.text("#deliveryTable").contains("200") && System.currentTimeMillis() < deadline) {
                Thread.sleep(500);
                browser.driver().navigate().refresh();
            }
            assertTrue(browser.text("#deliveryTable").contains("webhook.test"), browser.text("#deliveryTable"));
            assertTrue(browser.text("#deliveryTable").contains("200"), "the attempt and its answer: " + browser.text("#deliveryTable"));
            browser.screenshot("console-webhook-deliveries");

            browser.submit(browser.find(row + " input[value='Disable']"));
            assertTrue(browser.text(row).contains("disabled"));
            browser.submit(browser.find(row + " input[value='Delete']"));
            assertFalse(browser.has(row));
            assertTrue(owner.get("api/v1/webhooks?size=500").expect(200).json().getJsonArray("items").stream()
                    .noneMatch(w -> w.asJsonObject().getString("url").equals(receiver.url("console").toString())));
        }
    }
}
