package dev.serviceaccounts.admin;

import dev.serviceaccounts.authentication.Challenge;
import dev.serviceaccounts.authentication.ConsoleSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/** The sign-in form: members only (ConsoleSessions hands the form to the member store alone). */
@Named
@RequestScoped
public class Login {

    @Inject
    SecurityContext security;

    @Inject
    ExternalContext external;

    private String username;
    private String password;

    public String signIn() {
        if (username == null || password == null) {
            Messages.error("Enter your username and password.");
            return null;
        }
        var status = security.authenticate((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.strip(), new Password(password))));
        password = null;
        if (status != AuthenticationStatus.SUCCESS) {
            Duration refusedFor = ConsoleSessions.throttled((HttpServletRequest) external.getRequest());
            if (refusedFor != null) {
                long seconds = Challenge.retryAfterSeconds(refusedFor);
                external.setResponseStatus(429);
                external.setResponseHeader("Retry-After", Long.toString(seconds));
                Messages.error("Too many failed sign-ins: signing in from your address is paused. Try again in "
                        + seconds + (seconds == 1 ? " second." : " seconds."));
            } else {
                Messages.error("Wrong username or password.");
            }
            return null;
        }
        return "/admin/accounts.xhtml?faces-redirect=true";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return null; // never rendered back
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
