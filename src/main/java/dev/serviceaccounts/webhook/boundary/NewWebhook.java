package dev.serviceaccounts.webhook.boundary;

import java.util.List;

/** A webhook to create: where to, which event types (wire names), a description, and whether it starts enabled (default). */
public record NewWebhook(String url, List<String> eventTypes, String description, Boolean enabled) {
}
