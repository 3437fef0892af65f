package dev.serviceaccounts.security;

/** A member's role in the organization; team administration is granted separately, per team. */
public enum OrgRole {
    OWNER, ORG_ADMIN, USER;

    public boolean isAdmin() {
        return this == OWNER || this == ORG_ADMIN;
    }
}
