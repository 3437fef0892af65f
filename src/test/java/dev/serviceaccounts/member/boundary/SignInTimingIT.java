package dev.serviceaccounts.member.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.ApiIT;
import dev.serviceaccounts.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long a wrong password takes to be refused, measured over HTTP as an attacker measures it:
 * for a member who never signed in, for one who just did (whose password the server remembers), and
 * for a username that does not exist. The three must not be told apart: their means over 1,000
 * samples each lie within the noise of one another. The rounds interleave the three cases in a
 * shuffled order, so drift in the machine's speed falls on all alike. (The test server hashes
 * passwords with 10,000 PBKDF2 iterations instead of 210,000 and does not throttle, so 3,000
 * refusals take seconds, not minutes; the check's cost still dwarfs everything else a refusal does.)
 */
class SignInTimingIT extends ApiIT {

    private static final int WARM_UP = 100;
    private static final int SAMPLES = 1000;

    /** Mean and standard error of the mean, in milliseconds. */
    record Timing(double mean, double standardError) {

        static Timing of(List<Long> nanos) {
            double mean = nanos.stream().mapToLong(Long::longValue).average().orElseThrow();
            double variance = nanos.stream().mapToDouble(n -> (n - mean) * (n - mean)).sum() / (nanos.size() - 1);
            return new Timing(mean / 1e6, Math.sqrt(variance / nanos.size()) / 1e6);
        }
    }

    @Test
    void aWrongPasswordTakesAsLongWhoeverTheUsernameIs() {
        var neverSignedIn = fixtures.member("USER");
        var signedIn = fixtures.member("USER");
        signedIn.api().get("api/v1/me").expect(200); // its password is remembered now
        var cases = new LinkedHashMap<String, String>();
        cases.put("known member", neverSignedIn.username());
        cases.put("signed-in member", signedIn.username());
        cases.put("unknown username", Fixtures.unique("nobody"));

        var samples = new LinkedHashMap<String, List<Long>>();
        cases.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        var order = new ArrayList<>(cases.keySet());
        for (int round = 0; round < WARM_UP + SAMPLES; round++) {
            Collections.shuffle(order);
            for (String name : order) {
                var wrong = anonymous.as(cases.get(name), "wrong-password-" + round);
                long started = System.nanoTime();
                int status = wrong.get("api/v1/me").status();
                long took = System.nanoTime() - started;
                assertTrue(status == 401, name + ": refused, not throttled on the test server: " + status);
                if (round >= WARM_UP) {
                    samples.get(name).add(took);
                }
            }
        }

        var timings = new LinkedHashMap<String, Timing>();
        samples.forEach((name, nanos) -> timings.put(name, Timing.of(nanos)));
        var report = new StringBuilder("Refusal times over " + SAMPLES + " samples each:");
        timings.forEach((name, t) -> report.append(String.format("%n  %-17s mean %.3f ms (standard error %.3f ms)", name, t.mean(), t.standardError())));
        System.out.println(report);

        var names = new ArrayList<>(timings.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Timing a = timings.get(names.get(i));
                Timing b = timings.get(names.get(j));
                double difference = Math.abs(a.mean() - b.mean());
                double noise = 4 * Math.hypot(a.standardError(), b.standardError());
                // within four standard errors of the difference, or within 5 % of the time a refusal takes: the
                // remembered-password shortcut this replaced answered in a seventh of the time
                double allowed = Math.max(noise, 0.05 * Math.max(a.mean(), b.mean()));
                assertTrue(difference <= allowed, String.format("%s and %s differ by %.3f ms, more than %.3f ms%n%s",
                        names.get(i), names.get(j), difference, allowed, report));
            }
        }
    }
}
