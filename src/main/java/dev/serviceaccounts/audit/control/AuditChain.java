package dev.serviceaccounts.audit.control;

import dev.serviceaccounts.audit.entity.AuditChainHead;
import dev.serviceaccounts.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit trail's hash chain. Events are written unsealed, in the transactions of the changes
 * they record; sealing then links committed events, oldest id first, each hash covering the
 * event's content and the hash before it (SHA-256). Sealing appends under a lock on the chain's
 * head row, so concurrent writers never contend for it and any number of nodes may seal.
 * Verification recomputes the chain and names the first event that does not match.
 */
@Stateless
public class AuditChain {

    public static final String START = "0".repeat(64);
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    /** What a walk along the chain found: intact, or the first event where it breaks and why. */
    public record Verification(boolean intact, long eventsChecked, long headSequence, String headHash,
                               Long brokenEventId, Long brokenSequence, String problem, Instant verifiedAt) {
    }

    /** Seals up to one batch of committed, unsealed events in a transaction of its own; answers how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealPending() {
        var head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        List<AuditEvent> pending = em.createQuery("select e from AuditEvent e where e.chainSeq is null order by e.id",
                AuditEvent.class).setMaxResults(BATCH).getResultList();
        for (AuditEvent event : pending) {
            long seq = head.lastSeq() + 1;
            String hash = hash(event, seq, head.lastHash());
            event.seal(seq, head.lastHash(), hash);
            head.advance(seq, hash);
        }
        return pending.size();
    }

    /** Walks the sealed chain from its start; read-only, in batches, so its length does not matter. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Verification verify(Instant now) {
        var head = em.find(AuditChainHead.class, AuditChainHead.ID);
        long expected = 1;
        String previous = START;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                            "select e from AuditEvent e where e.chainSeq >= :from order by e.chainSeq", AuditEvent.class)
                    .setParameter("from", expected).setMaxResults(BATCH).getResultList();
            for (AuditEvent event : batch) {
                String problem = event.chainSeq() != expected ? "events before it are missing from the chain"
                        : !previous.equals(event.previousHash()) ? "its link to the event before it does not match"
                        : !hash(event, event.chainSeq(), event.previousHash()).equals(event.hash())
                        ? "its content does not match its hash" : null;
                if (problem != null) {
                    return new Verification(false, expected - 1, head.lastSeq(), head.lastHash(), event.id(), event.chainSeq(),
                            problem, now);
                }
                previous = event.hash();
                expected++;
            }
            em.clear();
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (expected - 1 != head.lastSeq() || !previous.equals(head.lastHash())) {
            return new Verification(false, expected - 1, head.lastSeq(), head.lastHash(), null, expected,
                    "the newest events are missing from the chain", now);
        }
        return new Verification(true, expected - 1, head.lastSeq(), head.lastHash(), null, null, null, now);
    }

    /**
     * SHA-256 over the event's sequence, every recorded field (each length-prefixed, so no two
     * events encode alike) and the hash before it, in lowercase hex.
     */
    static String hash(AuditEvent event, long seq, String previousHash) {
        var content = new StringBuilder();
        field(content, Long.toString(seq));
        field(content, event.occurredAt() == null ? null : event.occurredAt().toString());
        field(content, String.valueOf(event.actor().kind()));
        field(content, event.actor().id() == null ? null : event.actor().id().toString());
        field(content, event.actor().name());
        field(content, String.valueOf(event.action()));
        field(content, String.valueOf(event.targetKind()));
        field(content, event.targetId() == null ? null : event.targetId().toString());
        field(content, event.targetName());
        field(content, event.teamId() == null ? null : event.teamId().toString());
        field(content, event.details());
        field(content, event.sourceIp());
        field(content, previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-;");
        } else {
            content.append(value.length()).append(':').append(value).append(';');
        }
    }
}
