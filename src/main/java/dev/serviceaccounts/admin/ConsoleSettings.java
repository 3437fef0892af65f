package dev.serviceaccounts.admin;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Console session settings an operator changes: CONSOLE_SESSION_TIMEOUT_MINUTES (idle minutes,
 * default 30) and CONSOLE_SECURE_COOKIE (so the session cookie never travels in clear): true by default
 * when this server serves HTTPS itself (TLS_ENABLED, wildfly-config/tls.cli); set it to true behind a
 * proxy that ends TLS.
 */
@WebListener
public class ConsoleSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        int minutes = config.getOptionalValue("console.session.timeout.minutes", Integer.class).orElse(30);
        event.getServletContext().setSessionTimeout(Math.max(1, Math.min(minutes, 24 * 60)));
        event.getServletContext().getSessionCookieConfig()
                .setSecure(config.getOptionalValue("console.secure.cookie", Boolean.class)
                        .orElseGet(() -> config.getOptionalValue("tls.enabled", Boolean.class).orElse(false)));
    }
}
