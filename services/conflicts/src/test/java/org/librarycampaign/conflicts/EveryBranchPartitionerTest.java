package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EveryBranchPartitionerTest {

  private final EveryBranchPartitioner<Object> partitioner = new EveryBranchPartitioner<>();

  @Test
  void anEveryBranchMilestoneGoesToEveryPartition() {
    assertThat(partitioner.partitions("t", "*", null, null, 3)).contains(Set.of(0, 1, 2));
    assertThat(partitioner.partitions("t", "*", null, null, 1)).contains(Set.of(0));
  }

  @Test
  void aBranchMilestoneGoesWhereTheProducersDefaultPartitionerPutsThatBranchsPosts() {
    try (StringSerializer keys = new StringSerializer()) {
      for (String branch : new String[] {"eastside", "westside", "northside", "main", "ñandú"}) {
        for (int partitions : new int[] {1, 3, 6, 7}) {
          int producers =
              BuiltInPartitioner.partitionForKey(keys.serialize("t", branch), partitions);
          assertThat(partitioner.partitions("t", branch, null, null, partitions))
              .as("%s of %d", branch, partitions)
              .isEqualTo(Optional.of(Set.of(producers)));
        }
      }
    }
  }
}
