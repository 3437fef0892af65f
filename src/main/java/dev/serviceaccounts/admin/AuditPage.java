package dev.serviceaccounts.admin;

import dev.serviceaccounts.audit.boundary.AuditEventView;
import dev.serviceaccounts.audit.boundary.AuditEvents;
import dev.serviceaccounts.audit.control.AuditChain;
import dev.serviceaccounts.audit.boundary.AuditQuery;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The audit trail, newest first: organization-wide, or of one target (an account's own trail),
 * filtered by action and by day. Filters live in the address; the policy decides what is visible.
 */
@Named
@RequestScoped
public class AuditPage {

    static final int PAGE_SIZE = 50;

    @Inject
    AuditEvents events;

    @Inject
    CurrentCaller caller;

    private String target;
    private String action;
    private String from;
    private String to;
    private String page;
    private String verify;
    private Page<AuditEventView> result;
    private AuditChain.Verification verification;

    public void load() {
        try {
            if (verify != null && !verify.isBlank()) {
                verification = events.verify(caller.get());
            }
            result = events.list(caller.get(), AuditQuery.parse(target, null, null, action, startOf(from, "from"),
                    startOf(to, "to", 1), page, String.valueOf(PAGE_SIZE)));
        } catch (ProblemException problem) {
            if (problem.status() == 403) {
                Messages.sendError(problem);
            } else {
                Messages.show(problem);
            }
        }
    }

    private static String startOf(String day, String name) {
        return startOf(day, name, 0);
    }

    /** A day (yyyy-MM-dd) as the instant it starts in UTC, plus days; to is exclusive, so "to" counts its whole day. */
    private static String startOf(String day, String name, int plusDays) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (java.time.DateTimeException e) {
            throw new ProblemException.InvalidInput(name, "must be a day as yyyy-MM-dd");
        }
    }

    public String next(int delta) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("page", String.valueOf(result.page() + delta));
        parameters.put("target", target);
        parameters.put("action", action);
        parameters.put("from", from);
        parameters.put("to", to);
        return Forms.address("audit.xhtml", parameters);
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public Page<AuditEventView> getResult() {
        return result;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public AuditChain.Verification getVerification() {
        return verification;
    }

    public String getVerify() {
        return verify;
    }

    public void setVerify(String verify) {
        this.verify = verify;
    }

    public String getPage() {
        return page;
    }

    public void setPage(String page) {
        this.page = page;
    }
}
