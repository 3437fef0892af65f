package dev.serviceaccounts.admin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The browser tests run in the H2 run only. The console reads and writes through the same
 * boundary beans as the API (it has no query of its own), and the API's tests run on both
 * databases; a browser test on PostgreSQL would check the same SQL again at Chromium's price.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
@interface ConsoleOnH2 {
}
