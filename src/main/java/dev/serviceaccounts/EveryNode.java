package dev.serviceaccounts;

import java.io.Serializable;

/**
 * A CDI event that every node must hear, not only the one where it happened: what it announces
 * makes something held in memory wrong. Fired inside the changing transaction; once that commits,
 * the cluster component hands it to every other node and waits until each has acted on it, before
 * the changing call returns. On a single node nothing more happens.
 */
public interface EveryNode extends Serializable {
}
