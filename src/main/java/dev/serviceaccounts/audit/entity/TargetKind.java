package dev.serviceaccounts.audit.entity;

/** What an audit event is about. */
public enum TargetKind {
    ORGANIZATION, TEAM, MEMBER, SERVICE_ACCOUNT, CREDENTIAL, WEBHOOK
}
