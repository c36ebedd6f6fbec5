package io.rafka.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rafka.client.producer.ProducerRecord;
import io.rafka.client.producer.RafkaProducer;
import io.rafka.common.serialization.StringSerializer;
import io.rafka.proto.CreateTopicRequest;
import io.rafka.proto.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nodes outside metadata.voters join the metadata group as listeners: they hold a current copy of the
 * metadata, register, and host partition replicas like anyone else, without being part of its quorum.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MetadataListenerIT {
  @Test
  void nonVotersJoinAsListenersAndHostPartitions() throws Exception {
    try (InProcessCluster cluster = InProcessCluster.start(3, 1, InProcessCluster.tempDir("listeners"), Map.of());
         Api viaListener = new Api(cluster.apiAddress(3))) {
      assertEquals(ErrorCode.NONE, viaListener.admin().createTopic(CreateTopicRequest.newBuilder().setName("spread")
          .setPartitions(3).setReplicationFactor(3).build()).getError().getCode());
      for (int n = 1; n <= 3; n++) {
        int node = n;
        Await.until("node " + n + " to host all three partitions", Duration.ofSeconds(60),
            () -> cluster.node(node).partitions().all().size() == 3);
        Await.until("node " + n + "'s metadata to know the topic", Duration.ofSeconds(30),
            () -> cluster.node(node).raft().metadataImage().topic("spread").isPresent());
      }
      try (RafkaProducer<String, String> producer =
               new RafkaProducer<>(cluster.clientProps(), new StringSerializer(), new StringSerializer())) {
        for (int p = 0; p < 3; p++) {
          assertEquals(0, producer.send(new ProducerRecord<>("spread", p, null, "x")).get(60, TimeUnit.SECONDS)
              .offset());
        }
      }
    }
  }
}
