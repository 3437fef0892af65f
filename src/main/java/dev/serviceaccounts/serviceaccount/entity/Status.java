package dev.serviceaccounts.serviceaccount.entity;

/** A disabled account keeps everything but cannot be used until enabled again. */
public enum Status {
    ACTIVE, DISABLED
}
