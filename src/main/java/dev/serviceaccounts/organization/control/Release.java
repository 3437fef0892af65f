package dev.serviceaccounts.organization.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The release this build is (the pom's version, CHANGELOG.md), as the server names it in its log. */
public final class Release {

    private static final String VERSION = read();

    private Release() {
    }

    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Release.class.getResourceAsStream("/release.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
