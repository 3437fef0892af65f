package dev.serviceaccounts.admin;

import dev.serviceaccounts.health.boundary.Reports;
import dev.serviceaccounts.http.Csv;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The expiring-credentials and idle-accounts reports, as the API gives them (same visibility):
 * the first page of each, filtered by days and team, and each as a CSV download.
 */
@Named
@RequestScoped
public class ReportsPage {

    static final int SHOWN = 100;

    @Inject
    Reports reports;

    @Inject
    CurrentCaller caller;

    private String expiringDays;
    private String idleDays;
    private String team;
    private int expiringHorizon;
    private int idleHorizon;
    private UUID teamId;
    private Page<Reports.ExpiringCredential> expiring;
    private Page<Reports.IdleAccount> idle;

    public void load() {
        Messages.opens(() -> {
            parameters();
            expiring = reports.expiring(caller.get(), expiringHorizon, teamId, new PageRequest(0, SHOWN));
            idle = reports.idle(caller.get(), idleHorizon, teamId, new PageRequest(0, SHOWN));
        });
    }

    private void parameters() {
        expiringHorizon = reports.expiringDays(blankToNull(expiringDays));
        idleHorizon = reports.idleDays(blankToNull(idleDays));
        teamId = team == null || team.isEmpty() ? null : Forms.requiredId(team);
    }

    /** Sends every row of the expiring-credentials report as a CSV file, as the API does. */
    public void downloadExpiring() {
        parameters();
        send("expiring-credentials.csv", reports.expiringCsv(caller.get(), expiringHorizon, teamId));
    }

    public void downloadIdle() {
        parameters();
        send("idle-accounts.csv", reports.idleCsv(caller.get(), idleHorizon, teamId));
    }

    private static void send(String name, String csv) {
        var faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType(Csv.MEDIA_TYPE + "; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try {
            external.getResponseOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Page<Reports.ExpiringCredential> getExpiring() {
        return expiring;
    }

    public Page<Reports.IdleAccount> getIdle() {
        return idle;
    }

    public int getExpiringHorizon() {
        return expiringHorizon;
    }

    public int getIdleHorizon() {
        return idleHorizon;
    }

    public String getExpiringDays() {
        return expiringDays;
    }

    public void setExpiringDays(String expiringDays) {
        this.expiringDays = expiringDays;
    }

    public String getIdleDays() {
        return idleDays;
    }

    public void setIdleDays(String idleDays) {
        this.idleDays = idleDays;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }
}
