package dev.serviceaccounts.serviceaccount.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierTest {

    @Test
    void acceptsThreeToSixtyFourLowercaseLettersDigitsDotsUnderscoresAndDashes() {
        var cases = new LinkedHashMap<String, Boolean>();
        cases.put("ci-runner", true);
        cases.put("nightly.regression_2", true);
        cases.put("abc", true);
        cases.put("a".repeat(64), true);
        cases.put("---", true);
        cases.put("ab", false);
        cases.put("a".repeat(65), false);
        cases.put("CI-runner", false);
        cases.put("ci runner", false);
        cases.put("ci/runner", false);
        cases.put("ci@runner", false);
        cases.put("<script>", false);
        cases.put("", false);
        cases.put("ci-rünner", false);
        cases.put("ci-runner\n", false);
        for (Map.Entry<String, Boolean> c : cases.entrySet()) {
            assertEquals(c.getValue(), c.getKey().matches(Identifier.PATTERN), () -> "'" + c.getKey() + "'");
        }
    }
}
