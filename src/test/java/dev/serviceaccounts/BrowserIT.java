package dev.serviceaccounts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the console's browser tests: one Chromium per test class (starting one is the slow
 * part), with no page and no cookie at the start of each test, next to the API client.
 */
public abstract class BrowserIT extends ApiIT {

    private static Browser shared;

    protected Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        if (shared == null) {
            shared = new Browser(base);
        } else {
            shared.forget();
        }
        browser = shared;
    }

    @AfterAll
    static void closeBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
