package dev.serviceaccounts.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the console shows them: UTC to the minute, the zone of the audit trail and the API. */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    public String show(Instant instant) {
        return format(instant);
    }
}
