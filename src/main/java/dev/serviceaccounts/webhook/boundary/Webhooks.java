package dev.serviceaccounts.webhook.boundary;

import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.http.ETags;
import dev.serviceaccounts.http.MergePatch.Change;
import dev.serviceaccounts.http.Page;
import dev.serviceaccounts.http.PageRequest;
import dev.serviceaccounts.problem.Conflicts;
import dev.serviceaccounts.problem.ProblemException;
import dev.serviceaccounts.problem.ProblemException.FieldError;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.webhook.control.WebhookOutbox;
import dev.serviceaccounts.webhook.control.WebhookSecrets;
import dev.serviceaccounts.webhook.entity.EventType;
import dev.serviceaccounts.webhook.entity.Webhook;
import dev.serviceaccounts.webhook.entity.WebhookAttempt;
import dev.serviceaccounts.webhook.entity.WebhookDelivery;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Webhooks, managed by OWNER and ORG_ADMIN: they carry events of every team. */
@Stateless
public class Webhooks {

    static final int MAX_URL = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookOutbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public WebhookView.Created create(Caller caller, NewWebhook request) {
        AccessPolicy.require(caller, Operation.MANAGE_WEBHOOKS, AccessPolicy.Scope.ORGANIZATION);
        var errors = new ArrayList<FieldError>();
        String url = url(request.url(), errors);
        Set<EventType> types = types(request.eventTypes(), errors);
        String description = description(request.description(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        String secret = secrets.generate();
        var webhook = new Webhook(url, description, types, secrets.seal(secret), !Boolean.FALSE.equals(request.enabled()),
                clock.instant(), caller.name());
        em.persist(webhook);
        audit.record(caller, AuditAction.WEBHOOK_CREATED, target(webhook), describe(webhook));
        return new WebhookView.Created(WebhookView.of(webhook), secret);
    }

    public Page<WebhookView> list(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, Operation.MANAGE_WEBHOOKS, AccessPolicy.Scope.ORGANIZATION);
        var found = em.createQuery("select w from Webhook w order by w.createdAt, w.id", Webhook.class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(w) from Webhook w", Long.class).getSingleResult();
        return Page.of(found.stream().map(WebhookView::of).toList(), page, total);
    }

    public WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(find(caller, id));
    }

    /** Changes what the changes name; a null change leaves that field as it is. */
    public WebhookView update(Caller caller, UUID id, Long expectedVersion, Change<String> url, Change<List<String>> types,
                              Change<String> description, Change<Boolean> enabled) {
        var webhook = find(caller, id);
        ETags.check(expectedVersion, webhook.version());
        var errors = new ArrayList<FieldError>();
        String newUrl = url == null ? webhook.url() : url(url.value(), errors);
        Set<EventType> newTypes = types == null ? webhook.eventTypes() : types(types.value(), errors);
        String newDescription = description == null ? webhook.description() : description(description.value(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException.InvalidInput(errors);
        }
        webhook.change(newUrl, newDescription, newTypes, enabled == null ? webhook.enabled() : enabled.value());
        Conflicts.flush(em, "The webhook changed meanwhile.");
        audit.record(caller, AuditAction.WEBHOOK_UPDATED, target(webhook), describe(webhook));
        return WebhookView.of(webhook);
    }

    public void delete(Caller caller, UUID id, Long expectedVersion) {
        var webhook = find(caller, id);
        ETags.check(expectedVersion, webhook.version());
        audit.record(caller, AuditAction.WEBHOOK_DELETED, target(webhook), describe(webhook));
        em.remove(webhook); // its deliveries and their attempts go with it (on delete cascade)
        Conflicts.flush(em, "The webhook changed meanwhile.");
    }

    /** Queues a "webhook.test" event for this webhook, enabled or not; it is sent like any other. */
    public DeliveryView sendTest(Caller caller, UUID id) {
        var webhook = find(caller, id);
        return DeliveryView.of(outbox.enqueueTest(webhook, caller.name()), List.of());
    }

    /** The webhook's deliveries, newest first, each with its attempts. */
    public Page<DeliveryView> deliveries(Caller caller, UUID id, PageRequest page) {
        find(caller, id);
        var found = em.createQuery("select d from WebhookDelivery d where d.webhookId = :id order by d.createdAt desc, d.id",
                WebhookDelivery.class).setParameter("id", id).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(d) from WebhookDelivery d where d.webhookId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        Map<UUID, List<WebhookAttempt>> attempts = found.isEmpty() ? Map.of()
                : em.createQuery("select a from WebhookAttempt a where a.deliveryId in :ids order by a.attemptedAt", WebhookAttempt.class)
                        .setParameter("ids", found.stream().map(WebhookDelivery::id).toList()).getResultList().stream()
                        .collect(Collectors.groupingBy(WebhookAttempt::deliveryId));
        return Page.of(found.stream().map(d -> DeliveryView.of(d, attempts.getOrDefault(d.id(), List.of()))).toList(), page, total);
    }

    private Webhook find(Caller caller, UUID id) {
        AccessPolicy.require(caller, Operation.MANAGE_WEBHOOKS, AccessPolicy.Scope.ORGANIZATION);
        var webhook = em.find(Webhook.class, id);
        if (webhook == null) {
            throw ProblemException.notFound("No webhook " + id + ".");
        }
        return webhook;
    }

    /** An absolute http or https address with a host, no user information and no fragment. */
    static String url(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return null;
        }
        if (value.length() > MAX_URL) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                errors.add(new FieldError("url", "must be an http or https address with a host, without user information or fragment"));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid address"));
            return null;
        }
    }

    static Set<EventType> types(List<String> names, List<FieldError> errors) {
        if (names == null || names.isEmpty()) {
            errors.add(new FieldError("eventTypes", "name at least one of: " + String.join(", ", EventType.subscribable())));
            return Set.of();
        }
        var types = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < names.size(); i++) {
            var type = names.get(i) == null ? null : EventType.byWireName(names.get(i)).orElse(null);
            if (type == null) {
                errors.add(new FieldError("eventTypes", "/eventTypes/" + i, "must be one of: " + String.join(", ", EventType.subscribable())));
            } else {
                types.add(type);
            }
        }
        return types;
    }

    private static String description(String value, List<FieldError> errors) {
        if (value != null && value.length() > 200) {
            errors.add(new FieldError("description", "must be at most 200 characters"));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AuditTrail.Target target(Webhook webhook) {
        return new AuditTrail.Target(TargetKind.WEBHOOK, webhook.id(), webhook.url().length() > 200
                ? webhook.url().substring(0, 200) : webhook.url(), null);
    }

    private static Map<String, Object> describe(Webhook webhook) {
        var details = new LinkedHashMap<String, Object>();
        details.put("url", webhook.url());
        details.put("eventTypes", webhook.eventTypes().stream().map(type -> type.wireName).collect(Collectors.joining(",")));
        details.put("enabled", webhook.enabled());
        return details;
    }
}
