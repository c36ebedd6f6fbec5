package io.rafka.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rafka.common.config.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  private static Map<String, String> minimal() {
    Map<String, String> m = new HashMap<>();
    m.put("node.id", "1");
    return m;
  }

  @Test
  void defaultsApply() {
    ServerConfig c = ServerConfig.from(minimal());
    assertEquals(Duration.ofSeconds(1), c.get(ServerConfig.RAFT_RPC_TIMEOUT_MIN));
    assertEquals(1L << 20, c.get(ServerConfig.MESSAGE_MAX_BYTES));
    assertEquals("127.0.0.1:9092", c.apiAdvertisedAddress());
  }

  @Test
  void unknownKeyIsRefusedByName() {
    Map<String, String> m = minimal();
    m.put("log.segmnet.bytes", "1mb");
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(m));
    assertTrue(e.getMessage().contains("log.segmnet.bytes"), e.getMessage());
  }

  @Test
  void badValueNamesTheKey() {
    Map<String, String> m = minimal();
    m.put("log.segment.bytes", "lots");
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(m));
    assertTrue(e.getMessage().contains("log.segment.bytes"), e.getMessage());
  }

  @Test
  void missingNodeIdIsRefused() {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(Map.of()));
    assertTrue(e.getMessage().contains("node.id"), e.getMessage());
  }

  @Test
  void unsafeFlushCannotBeEnabled() {
    Map<String, String> m = minimal();
    m.put("raft.server.log.unsafe-flush.enabled", "true");
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(m));
    assertTrue(e.getMessage().contains("unsafe-flush"), e.getMessage());
  }

  @Test
  void undeclaredRaftKeysPassThrough() {
    Map<String, String> m = minimal();
    m.put("raft.server.log.purge.gap", "4");
    assertEquals("4", ServerConfig.from(m).raftPassthrough().get("raft.server.log.purge.gap"));
  }

  @Test
  void electionTimeoutBoundsMustBeOrdered() {
    Map<String, String> m = minimal();
    m.put("raft.server.rpc.timeout.min", "3s");
    m.put("raft.server.rpc.timeout.max", "2s");
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(m));
    assertTrue(e.getMessage().contains("raft.server.rpc.timeout.max"), e.getMessage());
  }

  @Test
  void voterListMustMatchThisNodesPeerAddress() {
    Map<String, String> m = minimal();
    m.put("metadata.voters", "1@127.0.0.1:7777");
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(m));
    assertTrue(e.getMessage().contains("metadata.voters"), e.getMessage());
  }

  @Test
  void sizesAndDurationsTakeUnits() {
    Map<String, String> m = minimal();
    m.put("log.segment.bytes", "64mb");
    m.put("log.retention.ms", "2h");
    ServerConfig c = ServerConfig.from(m);
    assertEquals(64L << 20, c.get(ServerConfig.LOG_SEGMENT_BYTES));
    assertEquals(Duration.ofHours(2), c.get(ServerConfig.LOG_RETENTION_MS));
  }
}
