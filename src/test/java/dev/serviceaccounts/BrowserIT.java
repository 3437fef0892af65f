package dev.serviceaccounts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the console's browser tests: a fresh Chromium per test, next to the API client. */
public abstract class BrowserIT extends ApiIT {

    protected Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser(base.toURI());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
