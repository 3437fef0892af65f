package dev.serviceaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's curl walkthrough, run exactly as written against the server under test. */
class ReadmeWalkthroughIT extends ApiIT {

    @Test
    void theWalkthroughWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertTrue(start > 0 && end > start, "the README marks its walkthrough");
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));

        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        process.environment().put("ADMIN_PASSWORD", Fixtures.ADMIN_PASSWORD);
        var running = process.start();
        assertTrue(running.waitFor(120, TimeUnit.SECONDS), "the walkthrough finished");
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, running.exitValue(), output);

        assertTrue(output.contains("\"orgRole\": \"OWNER\""), output);
        assertTrue(output.contains("\"ci-runner\""), "alice lists her account: " + output);
        assertTrue(output.contains("\"identifier\": \"ci-runner-main\""), "renamed: " + output);
        assertTrue(output.contains("\"DISABLED\""), "disabled: " + output);
        assertTrue(output.contains("SERVICE_ACCOUNT ci-runner-main"), "the account calls as itself: " + output);
        assertTrue(output.contains("old secret: 401"), "the rotated secret fails: " + output);
        assertTrue(output.contains("new secret: 200"), "the new secret works: " + output);
        assertTrue(output.contains("jwt: SERVICE_ACCOUNT ci-runner-main"), "a JWT from the token service works: " + output);
        assertTrue(output.contains("\"active\": true"), "introspection says the JWT is active: " + output);
        assertTrue(output.contains("204"), "deleted: " + output);
        for (String line : new String[] {
                "admin SERVICE_ACCOUNT_DELETED ci-runner-main from 127.0.0.1",
                "admin CREDENTIAL_ROTATED ci-runner-main from 127.0.0.1",
                "admin CREDENTIAL_ISSUED ci-runner-main from 127.0.0.1",
                "admin SERVICE_ACCOUNT_DISABLED ci-runner-main from 127.0.0.1",
                "admin SERVICE_ACCOUNT_UPDATED ci-runner-main from 127.0.0.1",
                "alice SERVICE_ACCOUNT_CREATED ci-runner from 127.0.0.1"}) {
            assertTrue(output.contains(line), "audit trail shows '" + line + "': " + output);
        }
    }
}
