package dev.serviceaccounts.admin;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.UUID;

/**
 * A newly issued secret on its way from the action that issued it to the page that shows it,
 * across one redirect. Taking it removes it, so a reload or the back button never shows it again.
 */
@SessionScoped
public class OneTimeSecret implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Secret(UUID accountId, String keyId, String secret, String replacedKeyId) implements Serializable {
    }

    private transient Secret waiting; // never written with the session

    synchronized void put(Secret secret) {
        waiting = secret;
    }

    synchronized Secret take(UUID accountId) {
        Secret secret = waiting;
        if (secret == null || !secret.accountId().equals(accountId)) {
            return null;
        }
        waiting = null;
        return secret;
    }
}
