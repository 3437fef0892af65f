package dev.serviceaccounts.audit.entity;

/** Who acts: a human member, a service account, or the server itself (bootstrap). */
public enum ActorKind {
    MEMBER, SERVICE_ACCOUNT, SYSTEM
}
