package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.admin.MetadataQuorum;
import io.rafka.client.admin.MetadataQuorum.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuorumFormatterTest {
  @Test
  void headerThenPeersByNode() {
    MetadataQuorum quorum = new MetadataQuorum(2, 4, 1234, List.of(new Peer(2, "h2:9093", "VOTER", true, -1),
        new Peer(1, "h1:9093", "VOTER", false, 12), new Peer(3, "h3:9093", "LISTENER", false, 15)));

    assertEquals(List.of(
        "Leader: 2  Term: 4  Commit index: 1234  Voters: 1,2",
        "",
        "NODE RAFT-ADDRESS    ROLE     LEADER LAST-CONTACT",
        "1    h1:9093         VOTER    no     12 ms ago",
        "2    h2:9093         VOTER    yes    -",
        "3    h3:9093         LISTENER no     15 ms ago"),
        QuorumFormatter.quorum(quorum));
  }

  @Test
  void votersAfterAChange() {
    assertEquals(List.of("Metadata voters: 1,2,4"), QuorumFormatter.voters(List.of(1, 2, 4)));
  }
}
