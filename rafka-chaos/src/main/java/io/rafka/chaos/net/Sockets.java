package io.rafka.chaos.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;

/** Closing sockets the two ways a proxy needs. Stateless. */
final class Sockets {
  private Sockets() {
  }

  /** Closes with SO_LINGER 0, so the peer gets a TCP RST instead of a FIN and unsent bytes are dropped. */
  static void abort(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException alreadyClosed) {
      // Nothing left to reset; close() below is then a no-op.
    }
    closeQuietly(socket);
  }

  static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing is best effort: the proxy is dropping this socket either way.
    }
  }
}
