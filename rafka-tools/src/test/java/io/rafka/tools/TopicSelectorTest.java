package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rafka.client.errors.UnknownTopicOrPartitionException;
import io.rafka.common.TopicPartition;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSelectorTest {
  @Test
  void parsesATopicAloneOrWithPartitions() {
    assertEquals(new TopicSelector("orders", List.of()), TopicSelector.parse("orders"));
    assertEquals(new TopicSelector("orders", List.of(2)), TopicSelector.parse("orders:2"));
    assertEquals(new TopicSelector("orders", List.of(3, 0, 1)), TopicSelector.parse("orders:3,0,1,0"));
  }

  @Test
  void refusesAnEmptyTopicOrABadPartition() {
    assertEquals("the topic is empty in ':1'",
        assertThrows(IllegalArgumentException.class, () -> TopicSelector.parse(":1")).getMessage());
    assertEquals("the topic is empty in ''",
        assertThrows(IllegalArgumentException.class, () -> TopicSelector.parse("")).getMessage());
    for (String[] bad : new String[][] {{"t:", ""}, {"t:0,", ""}, {"t:a", "a"}, {"t:-1", "-1"}, {"t:0, 1", " 1"},
        {"t:1:2", "1:2"}, {"t:99999999999", "99999999999"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicSelector.parse(bad[0]),
          bad[0]);
      assertEquals("expected TOPIC or TOPIC:P1,P2,... with partitions as non-negative numbers, but '" + bad[0]
          + "' has '" + bad[1] + "'", e.getMessage());
    }
  }

  @Test
  void selectsEveryPartitionInOrderOrTheOnesNamed() {
    assertEquals(List.of(new TopicPartition("t", 0), new TopicPartition("t", 1), new TopicPartition("t", 2)),
        TopicSelector.parse("t").select(List.of(2, 0, 1)));
    assertEquals(List.of(new TopicPartition("t", 2), new TopicPartition("t", 0)),
        TopicSelector.parse("t:2,0").select(List.of(0, 1, 2)));
  }

  @Test
  void refusesPartitionsTheTopicDoesNotHave() {
    assertEquals("topic 't' has 2 partitions; partition 2 does not exist",
        assertThrows(UnknownTopicOrPartitionException.class,
            () -> TopicSelector.parse("t:0,2").select(List.of(0, 1))).getMessage());
    assertEquals("topic 't' has 2 partitions; partitions 5, 2 do not exist",
        assertThrows(UnknownTopicOrPartitionException.class,
            () -> TopicSelector.parse("t:5,1,2").select(List.of(0, 1))).getMessage());
  }
}
