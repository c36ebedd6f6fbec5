package io.rafka.chaos.net;

/**
 * What one {@link PairProxy} has carried since it started. Immutable snapshot.
 *
 * @param connectionsAccepted every connection accepted, including those reset at once in {@link Mode#RESET}
 * @param bytesToTarget bytes written to the target node (requests, for the link's {@code from} node as client)
 * @param bytesFromTarget bytes written back to the connecting node
 */
public record ProxyStats(long connectionsAccepted, long bytesToTarget, long bytesFromTarget) {
}
