package dev.serviceaccounts;

import org.junit.jupiter.api.Test;

/** The README's curl walkthrough, run exactly as written against the server under test. */
class ReadmeWalkthroughIT extends ApiIT {

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        ReadmeWalkthrough.runAgainst(base, Fixtures.ADMIN_PASSWORD);
    }
}
