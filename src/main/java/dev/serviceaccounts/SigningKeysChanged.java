package dev.serviceaccounts;

/**
 * Announced in the transaction that rotates the JWT signing key: every node's key ring reloads, so
 * every node signs with the new key as soon as the rotating call returns.
 */
public record SigningKeysChanged() implements EveryNode {
}
