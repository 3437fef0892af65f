package dev.serviceaccounts.admin;

import dev.serviceaccounts.health.boundary.Reports;
import dev.serviceaccounts.credential.boundary.Credentials;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountQuery;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccountView;
import dev.serviceaccounts.serviceaccount.boundary.ServiceAccounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The service-account list: search, filters, sorting and paging all live in the address (GET), so
 * a view can be bookmarked and the back button works. One page query and one count, whatever the
 * number of accounts; usage totals for the page's accounts come in one more query.
 */
@Named
@RequestScoped
public class AccountList {

    static final int PAGE_SIZE = 25;

    @Inject
    ServiceAccounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    Reports reports;

    @Inject
    CurrentCaller caller;

    @Inject
    Console console;

    private String q;
    private String team;
    private String status;
    private String sort;
    private String page;

    private Page<ServiceAccountView> result;
    private Map<UUID, Long> usage = Map.of();
    private java.util.Set<UUID> idle = java.util.Set.of();

    /** Lists what the filters ask for; a caller who may see no account gets the page's notice instead. */
    public void load() {
        if (!console.isReader()) {
            return;
        }
        result = Messages.attempt(() -> accounts.list(caller.get(),
                ServiceAccountQuery.parse(team, status, q, sort, page, String.valueOf(PAGE_SIZE))));
        if (result != null) {
            usage = credentials.recentAuthentications(caller.get(), result.items());
            idle = reports.idleAmong(result.items().stream().map(ServiceAccountView::id).toList());
        }
    }

    /** The address of this list with one parameter changed (a sort header, a page link). */
    public String link(String name, String value) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("q", q);
        parameters.put("team", team);
        parameters.put("status", status);
        parameters.put("sort", sort);
        parameters.put("page", page);
        parameters.put(name, value);
        if (!"page".equals(name)) {
            parameters.remove("page");
        }
        return Forms.address("accounts.xhtml", parameters);
    }

    /** Sorting by a column: ascending first, descending when it already sorts ascending by it. */
    public String sortLink(String field) {
        return link("sort", field.equals(currentSort()) ? "-" + field : field);
    }

    public String sortMark(String field) {
        String current = currentSort();
        return current.equals(field) ? "▲" : current.equals("-" + field) ? "▼" : "";
    }

    private String currentSort() {
        return sort == null || sort.isBlank() ? ServiceAccountQuery.Sort.IDENTIFIER.parameter : sort;
    }

    /** Idle by the credential policy's idle days: no authentication for that long. */
    public boolean isIdle(UUID id) {
        return idle.contains(id);
    }

    public long usageOf(UUID id) {
        return usage.getOrDefault(id, 0L);
    }

    public Page<ServiceAccountView> getResult() {
        return result;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
