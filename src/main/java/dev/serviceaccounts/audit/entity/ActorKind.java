package dev.serviceaccounts.audit.entity;

/** Who acts: a human member, a service account, the server itself (bootstrap), or nobody known (a refused credential). */
public enum ActorKind {
    MEMBER, SERVICE_ACCOUNT, SYSTEM, ANONYMOUS
}
