package io.rafka.chaos.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What every connection of one pair proxy shares with the proxy. Immutable; the parts are thread-safe.
 *
 * @param source the local address of connections to the target, if it matters ({@link AddressPlan#upstreamSource})
 * @param onEnd called once when a connection has ended, normally or by abort, so the proxy forgets it
 */
record ProxyContext(Link link, InetSocketAddress target, Optional<InetAddress> source, ModeGate gate, ProxyThreads threads, LongAdder bytesToTarget,
    LongAdder bytesFromTarget, Consumer<ProxiedConnection> onEnd) {
}
