package io.rafka.chaos.net;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What every connection of one pair proxy shares with the proxy. Immutable; the parts are thread-safe.
 *
 * @param onEnd called once when a connection has ended, normally or by abort, so the proxy forgets it
 */
record ProxyContext(Link link, InetSocketAddress target, ModeGate gate, ProxyThreads threads, LongAdder bytesToTarget,
    LongAdder bytesFromTarget, Consumer<ProxiedConnection> onEnd) {
}
