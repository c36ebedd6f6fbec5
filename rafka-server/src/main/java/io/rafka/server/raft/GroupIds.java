package io.rafka.server.raft;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroupId;

/**
 * Raft group ids, derived from names so that any node can address a group without a lookup: the metadata
 * group has a fixed id, and a partition's group id is a name-based UUID of its topic id and index. Topic ids
 * (not names) go in, so that a topic deleted and created again never reuses a group id.
 * Stateless and thread-safe.
 */
final class GroupIds {
  static final RaftGroupId METADATA = RaftGroupId.valueOf(nameUuid("rafka-metadata"));

  private GroupIds() {}

  static RaftGroupId partition(String topicId, int partition) {
    return RaftGroupId.valueOf(nameUuid("rafka-partition:" + topicId + "/" + partition));
  }

  private static UUID nameUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
