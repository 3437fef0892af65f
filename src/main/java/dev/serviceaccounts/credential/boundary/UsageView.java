package dev.serviceaccounts.credential.boundary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How often an account authenticated per day (UTC), oldest day first, days without use included. */
public record UsageView(UUID accountId, LocalDate from, LocalDate to, long total, List<Day> days) {

    public record Day(LocalDate date, long authentications) {
    }
}
