package org.librarycampaign.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics a service's Kafka clients read and write, as the names they use (internal topics of a
 * topology included, as the topology describes them). {@link ServiceAcls} turns it into ACLs.
 */
public record KafkaAccess(Set<String> reads, Set<String> writes) {

  public static final KafkaAccess NONE = new KafkaAccess(Set.of(), Set.of());

  public KafkaAccess {
    reads = Set.copyOf(reads);
    writes = Set.copyOf(writes);
  }

  /**
   * What a topology reads (its sources and the sources of its global stores) and writes (its
   * sinks). A sink whose topic is chosen per record cannot be derived and is refused.
   */
  public static KafkaAccess of(Topology topology) {
    Set<String> reads = new TreeSet<>();
    Set<String> writes = new TreeSet<>();
    TopologyDescription description = topology.describe();
    for (TopologyDescription.GlobalStore store : description.globalStores()) {
      reads.addAll(store.source().topicSet());
    }
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          if (source.topicPattern() != null) {
            throw new IllegalArgumentException(
                "source " + source.name() + " reads a pattern; its topics cannot be derived");
          }
          reads.addAll(source.topicSet());
        } else if (node instanceof TopologyDescription.Sink sink) {
          if (sink.topic() == null) {
            throw new IllegalArgumentException(
                "sink " + sink.name() + " picks its topic per record; it cannot be derived");
          }
          writes.add(sink.topic());
        }
      }
    }
    return new KafkaAccess(reads, writes);
  }

  /** This access and also writing {@code topics}. */
  public KafkaAccess alsoWriting(Collection<String> topics) {
    Set<String> more = new TreeSet<>(writes);
    more.addAll(topics);
    return new KafkaAccess(reads, more);
  }
}
