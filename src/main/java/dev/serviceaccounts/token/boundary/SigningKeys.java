package dev.serviceaccounts.token.boundary;

import dev.serviceaccounts.SigningKeysChanged;
import dev.serviceaccounts.audit.control.AuditTrail;
import dev.serviceaccounts.audit.entity.AuditAction;
import dev.serviceaccounts.audit.entity.TargetKind;
import dev.serviceaccounts.security.AccessPolicy;
import dev.serviceaccounts.security.AccessPolicy.Operation;
import dev.serviceaccounts.security.AccessPolicy.Scope;
import dev.serviceaccounts.security.Caller;
import dev.serviceaccounts.token.control.SigningKeyStore;
import dev.serviceaccounts.token.entity.SigningKey;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The token service's signing keys: listed and rotated by OWNER and ORG_ADMIN. */
@Stateless
public class SigningKeys {

    @Inject
    SigningKeyStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Event<SigningKeysChanged> keysChanged;

    public record SigningKeyView(String kid, String algorithm, Instant createdAt, Instant retiredAt) {
        static SigningKeyView of(SigningKey key) {
            return new SigningKeyView(key.kid(), "ES256", key.createdAt(), key.retiredAt());
        }
    }

    public List<SigningKeyView> list(Caller caller) {
        AccessPolicy.require(caller, Operation.READ_ORGANIZATION, Scope.ORGANIZATION);
        store.ensureOne();
        return store.all().stream().map(SigningKeyView::of).toList();
    }

    /** A new key signs from now on; the old ones stay published until their last tokens expire. */
    public SigningKeyView rotate(Caller caller) {
        AccessPolicy.require(caller, Operation.MANAGE_ORGANIZATION, Scope.ORGANIZATION);
        var key = store.rotate();
        audit.record(caller, AuditAction.SIGNING_KEY_ROTATED, new AuditTrail.Target(TargetKind.ORGANIZATION, null, key.kid(), null),
                Map.of("kid", key.kid()));
        keysChanged.fire(new SigningKeysChanged());
        return SigningKeyView.of(key);
    }
}
