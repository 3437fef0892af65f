package dev.serviceaccounts.admin;

import dev.serviceaccounts.credential.boundary.IssuedCredential;
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

    /** Holds a secret just issued to an account until that account's page takes it. */
    synchronized void put(UUID accountId, IssuedCredential issued) {
        waiting = new Secret(accountId, issued.keyId(), issued.secret(), issued.replacedKeyId());
    }

    /** Holds a webhook's new signing secret until the webhooks page shows it. */
    synchronized void put(UUID webhookId, String secret) {
        waiting = new Secret(webhookId, null, secret, null);
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
