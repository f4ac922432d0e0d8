package org.librarycampaign.platform.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.librarycampaign.platform.serde.AvroSerializer;
import org.librarycampaign.platform.serde.EventClasses;

/**
 * Registers every subject a Streams service will write or read before it starts, so that a registry
 * outage later cannot stop it on a subject it has never used (a first changelog write, a first
 * repartition). Topics are taken from the built topology: each source and sink that is a catalogue
 * topic is prepared through the catalogue's own serializer (registered, or looked up when
 * auto-registration is off). Internal topics are the service's Avro-typed stores and repartitions,
 * named by the service: their subjects are {@code <application id>-<name>-changelog-value} or
 * {@code -repartition-value}, always registered (they belong to the service).
 */
public final class ServiceSubjects {

  private ServiceSubjects() {}

  /**
   * Prepares the subjects; one line per subject, sorted. Fails (and so stops the start) when the
   * registry cannot be reached after the client's retries.
   *
   * @param avroInternals the names of the service's stores and repartitions whose values are Avro
   *     records, with their value class
   */
  public static List<String> prepare(
      Topology topology,
      TopicCatalogue catalogue,
      String applicationId,
      Map<String, Class<? extends SpecificRecord>> avroInternals) {
    Set<String> topics = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      collect(subtopology.nodes(), topics, stores);
    }
    for (TopologyDescription.GlobalStore global : topology.describe().globalStores()) {
      topics.addAll(global.source().topicSet());
    }
    List<String> prepared = new ArrayList<>();
    for (CampaignTopic id : CampaignTopic.values()) {
      String name = catalogue.name(id);
      if (topics.contains(name)
          && catalogue.get(id).valueSerde().serializer() instanceof AvroSerializer<?> serializer) {
        serializer.prepare(name);
        prepared.add(AvroSerializer.subject(name, false));
      }
    }
    avroInternals.forEach(
        (name, valueClass) -> {
          List<String> internalTopics = new ArrayList<>();
          if (stores.contains(name)) {
            internalTopics.add(applicationId + "-" + name + "-changelog");
          }
          if (topics.contains(name + "-repartition")) {
            internalTopics.add(applicationId + "-" + name + "-repartition");
          }
          if (internalTopics.isEmpty()) {
            throw new IllegalArgumentException(
                "'" + name + "' is neither a store nor a repartition of this topology");
          }
          AvroSerializer<?> serializer =
              new AvroSerializer<>(
                  catalogue.registry(), EventClasses.schemaOf(valueClass), true, false);
          for (String topic : internalTopics) {
            serializer.prepare(topic);
            prepared.add(AvroSerializer.subject(topic, false));
          }
        });
    return prepared.stream().sorted().toList();
  }

  private static void collect(
      Set<TopologyDescription.Node> nodes, Set<String> topics, Set<String> stores) {
    for (TopologyDescription.Node node : nodes) {
      if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
        topics.addAll(source.topicSet());
      } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
        topics.add(sink.topic());
      } else if (node instanceof TopologyDescription.Processor processor) {
        stores.addAll(processor.stores());
      }
    }
  }
}
