package dev.serviceaccounts.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.serviceaccounts.Api;
import dev.serviceaccounts.ApiIT;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * What an operator's Prometheus scrapes from the management interface: a known sequence of calls,
 * then the product's meters moved by exactly as much (the shared server has served other tests, so
 * the figures are compared before and after). Nothing here depends on the database, so the
 * PostgreSQL run leaves it out.
 */
@DisabledIfEnvironmentVariable(named = "DB_DRIVER", matches = "postgresql")
class MetricsIT extends ApiIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final URI MANAGEMENT = URI.create("http://127.0.0.1:9990/");
    private static final String AUTHENTICATIONS = "service_accounts_authentications_total";

    @Test
    void aScrapeCountsAuthenticationsGrantsIntrospectionsAndCacheLookupsByWhatHappened() {
        String id = fixtures.serviceAccount(null).getString("id");
        var issued = owner.post("api/v1/service-accounts/" + id + "/credentials", "{}").expect(201).json();
        String keyId = issued.getString("keyId");
        String secret = issued.getString("secret");
        String wrong = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        Api basic = anonymous.withAuthorization(basic(keyId, secret));

        var before = scrape();
        for (int i = 0; i < 3; i++) {
            basic.get("api/v1/me").expect(200);
        }
        anonymous.withAuthorization(basic(keyId, wrong)).get("api/v1/me").expect(401);
        anonymous.withAuthorization(basic(keyId, wrong)).get("api/v1/me").expect(401);
        anonymous.withAuthorization("Bearer " + secret).get("api/v1/me").expect(200);
        String jwt = basic.send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(200)
                .json().getString("access_token");
        anonymous.withAuthorization(basic(keyId, wrong)).send("POST", "oauth2/token", "grant_type=client_credentials", FORM, null).expect(401);
        anonymous.withAuthorization("Bearer " + jwt).get("api/v1/me").expect(200);
        assertTrue(owner.send("POST", "oauth2/introspect", "token=" + jwt, FORM, null).expect(200).json().getBoolean("active"));
        var after = scrape();

        assertEquals(4, delta(before, after, AUTHENTICATIONS + "{method=\"basic\",outcome=\"accepted\"}"), "3 calls and 1 grant");
        assertEquals(3, delta(before, after, AUTHENTICATIONS + "{method=\"basic\",outcome=\"refused\"}"), "2 calls and 1 grant");
        assertEquals(1, delta(before, after, AUTHENTICATIONS + "{method=\"bearer_secret\",outcome=\"accepted\"}"));
        assertEquals(1, delta(before, after, AUTHENTICATIONS + "{method=\"jwt\",outcome=\"accepted\"}"));
        assertEquals(1, delta(before, after, AUTHENTICATIONS + "{method=\"member\",outcome=\"accepted\"}"), "the owner's introspection");
        assertEquals(0, delta(before, after, AUTHENTICATIONS + "{method=\"basic\",outcome=\"error\"}"));
        assertEquals(1, delta(before, after, "service_accounts_token_grants_seconds_count{outcome=\"ok\"}"));
        assertEquals(1, delta(before, after, "service_accounts_token_grants_seconds_count{outcome=\"refused\"}"));
        assertEquals(1, delta(before, after, "service_accounts_introspections_seconds_count{outcome=\"ok\"}"));
        assertTrue(delta(before, after, "service_accounts_token_grants_seconds_sum{outcome=\"ok\"}") > 0, "the time the grant took");
        assertTrue(value(after, "service_accounts_token_grants_seconds_max{outcome=\"ok\"}") > 0);
        double lookups = delta(before, after, "service_accounts_credential_cache_lookups_total{result=\"hit\"}")
                + delta(before, after, "service_accounts_credential_cache_lookups_total{result=\"miss\"}");
        assertTrue(lookups >= 6, "3 Basic calls, a bearer call, a grant and a JWT call each look the credential up: " + lookups);
        assertTrue(value(after, "service_accounts_webhook_deliveries{status=\"pending\"}") >= 0);
        assertTrue(value(after, "service_accounts_webhook_deliveries{status=\"failed\"}") >= 0);
        assertTrue(value(after, "service_accounts_audit_events_unsealed") >= 0);
        assertEquals(1, value(after, "service_accounts_cluster_members"), "one node");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A series: its name and labels as Prometheus' text format prints them. */
    private record Series(String name, Map<String, String> labels) {
        static Series parse(String text) {
            int brace = text.indexOf('{');
            if (brace < 0) {
                return new Series(text, Map.of());
            }
            var labels = new HashMap<String, String>();
            var pair = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text.substring(brace + 1, text.length() - 1));
            while (pair.find()) {
                labels.put(pair.group(1), pair.group(2));
            }
            return new Series(text.substring(0, brace), labels);
        }

        /** "name{a="1",b="2"}": this name, and at least these labels. */
        boolean matches(String wanted) {
            var other = parse(wanted);
            return name.equals(other.name) && labels.entrySet().containsAll(other.labels.entrySet());
        }
    }

    /** The scrape, as series to values. */
    private static Map<Series, Double> scrape() {
        var reply = Api.at(MANAGEMENT).get("metrics").expect(200);
        var series = new HashMap<Series, Double>();
        for (String line : reply.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(Series.parse(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    /** The value of the one series that matches (name and the labels given), asserting there is exactly one. */
    private static double value(Map<Series, Double> scrape, String wanted) {
        var found = scrape.entrySet().stream().filter(e -> e.getKey().matches(wanted)).toList();
        assertEquals(1, found.size(), wanted + " in the scrape: " + found);
        return found.get(0).getValue();
    }

    private static double delta(Map<Series, Double> before, Map<Series, Double> after, String series) {
        double then = before.keySet().stream().anyMatch(s -> s.matches(series)) ? value(before, series) : 0;
        return value(after, series) - then;
    }
}
