package dev.serviceaccounts.webhook.entity;

import dev.serviceaccounts.audit.entity.AuditEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a webhook can be told of, by the name it has on the wire, and the audit event behind each. */
public enum EventType {
    SERVICE_ACCOUNT_CREATED("service_account.created"),
    SERVICE_ACCOUNT_DELETED("service_account.deleted"),
    SERVICE_ACCOUNT_IDLE("service_account.idle"),
    CREDENTIAL_EXPIRING("credential.expiring"),
    CREDENTIAL_EXPIRED("credential.expired"),
    /** A secret scanner reported an active secret, and it was revoked. */
    CREDENTIAL_LEAKED("credential.leaked"),
    /** Sent on request only ("send test event"); nobody subscribes to it. */
    TEST("webhook.test");

    public final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name) && type != TEST).findFirst();
    }

    /** The webhook event an audit event is, if any. */
    public static Optional<EventType> of(AuditEvent event) {
        return Optional.ofNullable(switch (event.action()) {
            case SERVICE_ACCOUNT_CREATED -> SERVICE_ACCOUNT_CREATED;
            case SERVICE_ACCOUNT_DELETED -> SERVICE_ACCOUNT_DELETED;
            case SERVICE_ACCOUNT_IDLE -> SERVICE_ACCOUNT_IDLE;
            case CREDENTIAL_EXPIRING -> CREDENTIAL_EXPIRING;
            case CREDENTIAL_EXPIRED -> CREDENTIAL_EXPIRED;
            case CREDENTIAL_REVOKED -> event.actor().isReporter() ? CREDENTIAL_LEAKED : null;
            default -> null;
        });
    }

    /** Every type a webhook can subscribe to, by wire name. */
    public static List<String> subscribable() {
        return Arrays.stream(values()).filter(type -> type != TEST).map(type -> type.wireName).toList();
    }
}
