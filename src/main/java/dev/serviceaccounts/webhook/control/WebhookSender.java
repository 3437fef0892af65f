package dev.serviceaccounts.webhook.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes one attempt at a delivery: a signed POST, redirects not followed, within
 * WEBHOOK_TIMEOUT_SECONDS. Addresses a webhook must never reach are refused before connecting:
 * link-local (cloud metadata services live there), multicast, the unspecified address, and
 * loopback unless WEBHOOK_ALLOW_LOOPBACK=true (this machine's own services).
 */
@ApplicationScoped
public class WebhookSender {

    /** An attempt's outcome: the answer's status code, or null and what went wrong. */
    public record Outcome(Integer statusCode, String error, long durationMs) {
    }

    @Inject
    WebhookSecrets secrets;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "WEBHOOK_TIMEOUT_SECONDS", defaultValue = "10")
    long timeoutSeconds;

    @Inject
    @ConfigProperty(name = "WEBHOOK_ALLOW_LOOPBACK", defaultValue = "false")
    boolean allowLoopback;

    private HttpClient http;

    @PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 5)))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * How long a node holds a delivery it took: the longest one attempt can take, and a margin.
     * A node that dies mid-attempt leaves the delivery to others once this has passed.
     */
    public Duration lease() {
        return Duration.ofSeconds(timeoutSeconds + Math.min(timeoutSeconds, 5) + 20);
    }

    public Outcome send(WebhookOutbox.Claim claim) {
        long started = System.nanoTime();
        try {
            URI url = URI.create(claim.url());
            String refused = refusedAddress(url.getHost());
            if (refused != null) {
                return new Outcome(null, refused, 0);
            }
            long timestamp = clock.instant().getEpochSecond();
            String id = claim.deliveryId().toString();
            var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeoutSeconds))
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "service-accounts-webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", secrets.signature(claim.sealedSecret(), id, timestamp, claim.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(claim.payload())).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status, null, elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no answer within " + timeoutSeconds + " s", elapsed(started));
        } catch (ConnectException e) {
            return new Outcome(null, "connection refused or unreachable", elapsed(started));
        } catch (UnknownHostException e) {
            return new Outcome(null, "unknown host", elapsed(started));
        } catch (IOException e) {
            return new Outcome(null, "connection failed: " + e.getClass().getSimpleName(), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(started));
        }
    }

    /** Why an attempt may not go to this host, or null when it may. */
    private String refusedAddress(String host) throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (address.isLinkLocalAddress() || address.isMulticastAddress() || address.isAnyLocalAddress()) {
                return "address not allowed: link-local, multicast or unspecified";
            }
            if (address.isLoopbackAddress() && !allowLoopback) {
                return "address not allowed: loopback (WEBHOOK_ALLOW_LOOPBACK)";
            }
        }
        return null;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
