package io.rafka.server.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.common.config.ConfigException;
import io.rafka.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatisPropertiesTest {
  @TempDir Path dir;

  private ServerConfig config(Map<String, String> extra) {
    Map<String, String> m = new java.util.HashMap<>(Map.of("node.id", "1", "data.dir", dir.toString()));
    m.putAll(extra);
    return ServerConfig.from(m);
  }

  @Test
  void snapshotChunksFitInOneGrpcMessageWithRoomToSpare() {
    for (String limit : new String[] {"128kb", "1152kb", "64mb"}) {
      RaftProperties p = RatisProperties.forServer(config(Map.of("message.max.bytes", "64kb",
          "raft.server.log.appender.buffer.byte-limit", limit)));
      long chunk = RaftServerConfigKeys.Log.Appender.snapshotChunkSizeMax(p).getSize();
      long message = GrpcConfigKeys.messageSizeMax(p, s -> { }).getSize();
      assertEquals(RaftServerConfigKeys.Log.Appender.bufferByteLimit(p).getSize(), chunk, limit);
      assertTrue(chunk + (1 << 20) <= message, limit + ": chunk " + chunk + " vs message " + message);
    }
  }

  @Test
  void aPassthroughChunkLargerThanAMessageIsRefusedAtStart() {
    ConfigException e = assertThrows(ConfigException.class, () -> RatisProperties.forServer(
        config(Map.of("raft.server.log.appender.snapshot.chunk.size.max", "16MB"))));
    assertTrue(e.getMessage().contains("raft.server.log.appender.snapshot.chunk.size.max"), e.getMessage());
    assertTrue(e.getMessage().contains("raft.grpc.message.size.max"), e.getMessage());
  }
}
