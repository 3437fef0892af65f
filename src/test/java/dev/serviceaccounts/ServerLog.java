package dev.serviceaccounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shared test server's log ({@code it.server.base}/log/server.log). A failure that met a 5xx
 * quotes its last errors, so a CI report, which keeps no server log, still shows the cause.
 */
public final class ServerLog {

    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ");
    private static final Pattern ERROR = Pattern.compile("^\\S+ \\S+ (ERROR|SEVERE) ");
    private static final int ENTRIES = 3;
    private static final int LINES_PER_ENTRY = 30;

    private ServerLog() {
    }

    public static Path path() {
        return Path.of(System.getProperty("it.server.base", "target/it-server-h2"), "log", "server.log");
    }

    public static String read() {
        try {
            return Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log's last few ERROR entries, each with the start of its stack trace, or a note that there are none. */
    public static String lastErrors() {
        if (!Files.isReadable(path())) {
            return "(no server log at " + path() + ")";
        }
        List<String> lines = read().lines().toList();
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!ERROR.matcher(lines.get(i)).find()) {
                continue;
            }
            var entry = new StringBuilder(lines.get(i));
            for (int j = i + 1; j < lines.size() && j <= i + LINES_PER_ENTRY && !ENTRY.matcher(lines.get(j)).find(); j++) {
                entry.append('\n').append(lines.get(j));
            }
            entries.add(entry.toString());
        }
        return entries.isEmpty()
                ? "(no ERROR in " + path() + ")"
                : String.join("\n", entries.subList(Math.max(0, entries.size() - ENTRIES), entries.size()));
    }
}
