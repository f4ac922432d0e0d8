package org.librarycampaign.conflicts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.librarycampaign.conflicts.calendar.Milestone;

/**
 * Sends a milestone keyed {@code *} to every partition (KIP-837 multicast), and a branch's
 * milestone to the partition the producers' default partitioner gives that branch's posts: murmur2
 * of the UTF-8 key, modulo the partition count.
 */
final class EveryBranchPartitioner<V> implements StreamPartitioner<String, V> {

  @Override
  public Optional<Set<Integer>> partitions(
      String topic, String key, V value, Headers headers, int numPartitions) {
    if (Milestone.EVERY_BRANCH.equals(key)) {
      return Optional.of(
          IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
    return Optional.of(Set.of(partitionOfBranch(key, numPartitions)));
  }

  /** The form without headers, still abstract in Kafka 4.4 (deprecated for removal). */
  @Override
  @SuppressWarnings("removal")
  public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
    return partitions(topic, key, value, null, numPartitions);
  }

  /** The partition of {@code campaign.posts} that holds the branch's posts. */
  static int partitionOfBranch(String branchId, int numPartitions) {
    return Utils.toPositive(Utils.murmur2(branchId.getBytes(StandardCharsets.UTF_8)))
        % numPartitions;
  }
}
