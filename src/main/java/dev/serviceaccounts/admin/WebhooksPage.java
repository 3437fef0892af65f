package dev.serviceaccounts.admin;

import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.CurrentCaller;
import dev.serviceaccounts.webhook.boundary.DeliveryView;
import dev.serviceaccounts.webhook.boundary.NewWebhook;
import dev.serviceaccounts.webhook.boundary.WebhookView;
import dev.serviceaccounts.webhook.boundary.Webhooks;
import dev.serviceaccounts.webhook.entity.EventType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks for OWNER and ORG_ADMIN: add one (its secret shown once, through {@link OneTimeSecret}),
 * enable or disable, send a test event, delete, and follow one's deliveries attempt by attempt.
 */
@Named
@RequestScoped
public class WebhooksPage {

    private static final int DELIVERIES_SHOWN = 50;

    @Inject
    Webhooks webhooks;

    @Inject
    CurrentCaller caller;

    @Inject
    OneTimeSecret oneTimeSecret;

    private String selected;
    private UUID selectedId;
    private OneTimeSecret.Secret secret;
    private List<WebhookView> list;
    private List<DeliveryView> deliveries;
    private String url;
    private String description;
    private List<String> eventTypes = new ArrayList<>();

    public void load() {
        Messages.opens(() -> {
            AccessPolicy.require(caller.get(), AccessPolicy.Operation.MANAGE_WEBHOOKS, AccessPolicy.Scope.ORGANIZATION);
            if (selected != null && !selected.isEmpty()) {
                selectedId = Forms.requiredId(selected);
                webhooks.get(caller.get(), selectedId);
                secret = oneTimeSecret.take(selectedId);
            }
        });
    }

    public List<WebhookView> getList() {
        if (list == null) {
            list = webhooks.list(caller.get(), new PageRequest(0, PageRequest.MAX_SIZE)).items();
        }
        return list;
    }

    /** Every event type a webhook can subscribe to, by wire name. */
    public List<String> getEventTypeChoices() {
        return EventType.subscribable();
    }

    public List<DeliveryView> getDeliveries() {
        if (deliveries == null) {
            deliveries = selectedId == null ? List.of()
                    : webhooks.deliveries(caller.get(), selectedId, new PageRequest(0, DELIVERIES_SHOWN)).items();
        }
        return deliveries;
    }

    public String create() {
        var created = Messages.attempt(() -> webhooks.create(caller.get(), new NewWebhook(url, eventTypes, description, true)));
        if (created == null) {
            return null;
        }
        oneTimeSecret.put(created.webhook().id(), created.secret());
        return "/admin/webhooks.xhtml?selected=" + created.webhook().id() + "&faces-redirect=true";
    }

    public String enable(UUID id, boolean enabled) {
        return done(id, Messages.attempt(() -> webhooks.update(caller.get(), id, null, null, null, null, new Change<>(enabled))) != null,
                enabled ? "Webhook enabled." : "Webhook disabled: it is sent nothing until enabled.");
    }

    public String sendTest(UUID id) {
        return done(id, Messages.attempt(() -> webhooks.sendTest(caller.get(), id)) != null,
                "Test event queued; its attempts appear below.");
    }

    public String delete(UUID id) {
        if (!Messages.succeeds(() -> webhooks.delete(caller.get(), id, null))) {
            return null;
        }
        return Messages.redirect("/admin/webhooks.xhtml", "Webhook deleted, with its deliveries.");
    }

    private static String done(UUID id, boolean succeeded, String message) {
        return succeeded ? Messages.redirect("/admin/webhooks.xhtml?selected=" + id, message) : null;
    }

    public OneTimeSecret.Secret getSecret() {
        return secret;
    }

    public UUID getSelectedId() {
        return selectedId;
    }

    public String getSelected() {
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(List<String> eventTypes) {
        this.eventTypes = eventTypes == null ? new ArrayList<>() : eventTypes;
    }
}
