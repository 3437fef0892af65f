package dev.serviceaccounts.serviceaccount.entity;

/** A service account's role in one team. ADMIN there acts like a member who administers that team. */
public enum TeamRole {
    ADMIN, MEMBER, VIEWER
}
