package dev.serviceaccounts.authentication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code service_accounts_authentications_total{method, outcome}}: every API request that presented
 * a credential, and every console sign-in, by the form it took and what became of it. Counted inline, on counters resolved
 * once: this runs on every request, where resolving a meter by its tags or firing a CDI event would
 * cost more than the count itself.
 */
@ApplicationScoped
public class AuthenticationMeters {

    /** The form a credential took; names as in the label. */
    public enum Method {
        /** a service credential: key id and secret in Basic; the secret alone as a bearer token; our JWT */
        BASIC, BEARER_SECRET, JWT,
        /** a member's username and password: over the API (Basic), or the console's sign-in form */
        MEMBER, CONSOLE;

        /** The form of what was presented; a credential too malformed to read (null) by its header's scheme. */
        static Method of(Object credential, boolean bearer) {
            if (credential instanceof JwtCredential) {
                return JWT;
            }
            if (credential instanceof MemberLogin) {
                return MEMBER;
            }
            return bearer ? BEARER_SECRET : BASIC;
        }
    }

    /**
     * What became of it: accepted; refused (wrong, unknown, expired, disabled); throttled (a member's
     * sign-in refused unchecked after too many failures); or a fault while checking.
     */
    public enum Outcome {
        ACCEPTED, REFUSED, THROTTLED, ERROR
    }

    static Outcome outcomeOfRefused(Object credential) {
        return credential instanceof MemberLogin login && login.throttledFor() != null ? Outcome.THROTTLED : Outcome.REFUSED;
    }

    @Inject
    MeterRegistry registry;

    private final Map<Method, Map<Outcome, Counter>> counters = new EnumMap<>(Method.class);

    @PostConstruct
    void register() {
        for (Method method : Method.values()) {
            var byOutcome = new EnumMap<Outcome, Counter>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                // the registry's own lookup, not a builder: WildFly exports a deployment's meters made this way only
                byOutcome.put(outcome, registry.counter("service_accounts.authentications", Tags.of(
                        "method", method.name().toLowerCase(Locale.ROOT), "outcome", outcome.name().toLowerCase(Locale.ROOT))));
            }
            counters.put(method, byOutcome);
        }
    }

    void count(Method method, Outcome outcome) {
        counters.get(method).get(outcome).increment();
    }
}
