package dev.serviceaccounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The README's curl walkthrough, run exactly as written (only its address moved to the server
 * under test), and what a reader would check in its output. Runs once per fresh server: it creates
 * the team "platform" and the member "alice".
 */
public final class ReadmeWalkthrough {

    private static final String WRITTEN_FOR = "http://127.0.0.1:8080/";

    private ReadmeWalkthrough() {
    }

    /** Runs the walkthrough against the server at this root, signing in as its owner; answers its output. */
    public static String runAgainst(URI root, String adminPassword) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertTrue(start > 0 && end > start, "the README marks its walkthrough");
        String block = readme.substring(start, end);
        String script = block.substring(block.indexOf("```bash") + 7, block.lastIndexOf("```"));
        assertTrue(script.contains(WRITTEN_FOR), "the walkthrough talks to " + WRITTEN_FOR);
        script = script.replace(WRITTEN_FOR, root.toString());

        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
        process.environment().put("ADMIN_PASSWORD", adminPassword);
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
        return output;
    }
}
