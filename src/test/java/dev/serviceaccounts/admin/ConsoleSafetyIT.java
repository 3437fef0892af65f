package dev.serviceaccounts.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.BrowserIT;
import dev.serviceaccounts.Fixtures;
import dev.serviceaccounts.ServerLog;
import jakarta.json.Json;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The console's own defences: escaped output, view state, protected views, headers. */
@ConsoleOnH2
class ConsoleSafetyIT extends BrowserIT {

    private static final String SCRIPT = "<script>document.title='pwned'</script>";
    private static final String IMAGE = "<img src=x onerror=\"document.title='pwned'\">";

    @Test
    void markupInNamesAndDescriptionsIsShownAsText() {
        String identifier = Fixtures.unique("markup");
        var account = owner.post("api/v1/service-accounts", Json.createObjectBuilder().add("identifier", identifier)
                .add("displayName", IMAGE).add("description", SCRIPT).build()).expect(201).json();

        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/accounts.xhtml?q=" + identifier);
        assertEquals(IMAGE, browser.find("#accounts tbody tr td:nth-child(2)").getText());
        browser.open("admin/account.xhtml?id=" + account.getString("id"));
        assertEquals(SCRIPT, browser.find("#properties\\:description").getDomProperty("value"));
        assertEquals(IMAGE, browser.find("#properties\\:displayName").getDomProperty("value"));
        assertTrue(browser.driver().findElements(By.xpath("//script[contains(., 'pwned')]")).isEmpty());
        assertTrue(browser.driver().findElements(By.cssSelector("img[onerror]")).isEmpty());
        assertFalse(browser.driver().getTitle().contains("pwned"));

        // An identifier holding markup is refused with a message that shows it as text.
        browser.open("admin/account-new.xhtml");
        browser.type("create:identifier", SCRIPT);
        browser.click("create:createAccount");
        assertTrue(browser.messages().get(0).startsWith("Identifier:"), browser.messages().toString());
        assertEquals(SCRIPT, browser.find("#create\\:identifier").getDomProperty("value"));
        assertFalse(browser.driver().getTitle().contains("pwned"));
        browser.screenshot("markup-shown-as-text");
    }

    @Test
    void aFormPostedWithoutValidViewStateChangesNothing() {
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/account-new.xhtml");
        String viewState = browser.find("input[name='jakarta.faces.ViewState']").getDomProperty("value");
        var session = anonymous.withCookie("JSESSIONID=" + browser.cookie("JSESSIONID"));
        String identifier = Fixtures.unique("replayed");

        for (String state : new String[] {null, "forged", "-1:1", viewState.replace(viewState.substring(viewState.length() - 1),
                viewState.endsWith("7") ? "8" : "7")}) {
            var form = new java.util.LinkedHashMap<String, String>();
            form.put("create", "create");
            form.put("create:identifier", identifier);
            form.put("create:team", "");
            form.put("create:createAccount", "Create");
            if (state != null) {
                form.put("jakarta.faces.ViewState", state);
            }
            var reply = session.send("POST", "admin/account-new.xhtml", encode(form), "application/x-www-form-urlencoded", null);
            // Without view state it is no post back: the empty form again. With an unknown one: 400 and the "no longer valid" page.
            assertEquals(state == null ? 200 : 400, reply.status(), reply.body());
            assertTrue(reply.body().contains(state == null ? "id=\"create\"" : "id=\"expired\""), reply.body());
            assertFalse(reply.body().contains("sas_"), "no secret came back");
            assertEquals(0, owner.get("api/v1/service-accounts?q=" + identifier).expect(200).json().getInt("totalItems"),
                    "a post with view state " + state + " created an account");
        }
        // The same post with the real view state would have worked: the test above refuses for the right reason.
        var form = Map.of("create", "create", "create:identifier", identifier, "create:team", "",
                "create:createAccount", "Create", "jakarta.faces.ViewState", viewState);
        var reply = session.send("POST", "admin/account-new.xhtml", encode(form), "application/x-www-form-urlencoded", null);
        assertEquals(302, reply.status(), reply.body());
        assertEquals(1, owner.get("api/v1/service-accounts?q=" + identifier).expect(200).json().getInt("totalItems"));

        // After signing out, even the real view state does nothing.
        browser.click("session:signOut");
        browser.find("#signedOut");
        String again = Fixtures.unique("replayed");
        var afterSignOut = Map.of("create", "create", "create:identifier", again, "create:team", "",
                "create:createAccount", "Create", "jakarta.faces.ViewState", viewState);
        var refused = session.send("POST", "admin/account-new.xhtml", encode(afterSignOut), "application/x-www-form-urlencoded", null);
        assertEquals(302, refused.status());
        assertEquals(0, owner.get("api/v1/service-accounts?q=" + again).expect(200).json().getInt("totalItems"));
    }

    @Test
    void theDeletePageOpensOnlyThroughTheConsolesOwnLink() {
        var account = fixtures.serviceAccount(null);
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        browser.open("admin/account-delete.xhtml?id=" + account.getString("id"));
        assertEquals("Page no longer valid", browser.title());
        assertFalse(browser.has("#confirm"));
        owner.get("api/v1/service-accounts/" + account.getString("id")).expect(200);

        browser.open("admin/account.xhtml?id=" + account.getString("id"));
        browser.click("roles:delete");
        assertEquals("Delete " + account.getString("identifier"), browser.title());

        // whatever the server logs about the refused open, the token that opens the page is not in it
        var token = Pattern.compile("jakarta\\.faces\\.Token=([^&#]+)").matcher(browser.driver().getCurrentUrl());
        assertTrue(token.find(), browser.driver().getCurrentUrl());
        String log = ServerLog.read();
        assertFalse(log.contains(token.group(1)), "the page's token is in the server log");
        assertFalse(log.contains(URLDecoder.decode(token.group(1), StandardCharsets.UTF_8)), "the page's token is in the server log");
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndNoInlineScript() {
        var reply = anonymous.get("login.xhtml");
        String csp = reply.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("no-referrer", reply.header("Referrer-Policy"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertTrue(reply.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("HttpOnly") && c.contains("SameSite=Strict")),
                reply.headers().allValues("Set-Cookie").toString());

        var account = fixtures.serviceAccount(null);
        browser.signIn(Fixtures.ADMIN, Fixtures.ADMIN_PASSWORD);
        for (String page : List.of("admin/accounts.xhtml", "admin/account-new.xhtml", "admin/account.xhtml?id=" + account.getString("id"),
                "admin/audit.xhtml", "admin/teams.xhtml", "admin/members.xhtml", "admin/policy.xhtml")) {
            browser.open(page);
            var inline = browser.driver().findElements(By.cssSelector("script:not([src])"));
            assertTrue(inline.isEmpty(), page + " has inline script");
            assertTrue(browser.driver().findElements(By.cssSelector("[onclick],[onchange],[onsubmit]")).isEmpty(), page);
            assertTrue(browser.driver().findElements(By.cssSelector("link[href^='http'],script[src^='http'],img[src^='http']")).isEmpty(),
                    page + " loads something from elsewhere");
            for (var field : browser.driver().findElements(By.cssSelector("input:not([type=hidden]):not([type=submit]),select,textarea"))) {
                String id = field.getDomAttribute("id");
                assertTrue(!browser.driver().findElements(By.cssSelector("label[for='" + id + "']")).isEmpty()
                        || field.getDomAttribute("aria-label") != null, page + ": field " + id + " has no label");
            }
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
