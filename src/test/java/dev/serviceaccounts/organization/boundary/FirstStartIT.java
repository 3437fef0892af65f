package dev.serviceaccounts.organization.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.StandaloneServer;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/** First start without ADMIN_PASSWORD: a generated password, logged once, that works. */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class FirstStartIT {

    private static final Pattern GENERATED = Pattern.compile(
            "created the OWNER 'owner' with the generated password\\s+(\\S+)");

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndLoggedOnce() throws Exception {
        try (var server = new StandaloneServer("first-start", Map.of("ADMIN_USERNAME", "owner", "ORGANIZATION_NAME", "Acme"))) {
            server.start();
            var log = server.base().resolve("log/server.log");
            var matcher = GENERATED.matcher(Files.readString(log));
            assertTrue(matcher.find(), "the generated password is in the log");
            String password = matcher.group(1);
            assertTrue(password.length() >= 20, "a long random password");
            var me = Api.at(server.root()).as("owner", password).get("api/v1/me").expect(200).json();
            assertEquals("OWNER", me.getString("orgRole"));
            assertEquals("Acme", Api.at(server.root()).as("owner", password).get("api/v1/organization").expect(200).json().getString("name"));

            server.stop();
            server.start();
            var again = GENERATED.matcher(Files.readString(log));
            assertTrue(again.find());
            assertTrue(!again.find(), "logged on the first start only");
            Api.at(server.root()).as("owner", password).get("api/v1/me").expect(200);
        }
    }
}
