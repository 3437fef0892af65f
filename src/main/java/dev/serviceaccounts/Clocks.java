package dev.serviceaccounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now". A server started with CLOCK_ADJUSTABLE=true (the integration tests do)
 * adds the duration in the system property {@value #OFFSET_PROPERTY} (ISO-8601, e.g. PT2400H),
 * which tests set through WildFly's management API to see credentials expire. Production servers
 * never start with it, and then the property is ignored.
 */
@ApplicationScoped
public class Clocks {

    public static final String OFFSET_PROPERTY = "serviceaccounts.clock.offset";

    @Produces
    @ApplicationScoped
    Clock clock(@ConfigProperty(name = "CLOCK_ADJUSTABLE", defaultValue = "false") boolean adjustable) {
        return adjustable ? new Adjustable() : Clock.systemUTC();
    }

    static final class Adjustable extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            String offset = System.getProperty(OFFSET_PROPERTY);
            return offset == null || offset.isBlank() ? Instant.now() : Instant.now().plus(Duration.parse(offset));
        }
    }
}
