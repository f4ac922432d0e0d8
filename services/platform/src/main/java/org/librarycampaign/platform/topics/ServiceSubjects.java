package org.librarycampaign.platform.topics;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.librarycampaign.platform.serde.AvroSerializer;
import org.librarycampaign.platform.serde.EventClasses;
import org.librarycampaign.platform.serde.RegistryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every subject a Streams service will write or read before it starts, so that a registry
 * outage later cannot stop it on a subject it has never used (a first changelog write, a first
 * repartition). Topics are taken from the built topology: each source and sink that is a catalogue
 * topic is prepared through the catalogue's own serializer (registered, or looked up when
 * auto-registration is off; an input whose subject lacks this service's version is only warned
 * about, since reading needs ids, not subjects). Internal topics are the service's Avro-typed
 * stores and repartitions, named by the service: their subjects are {@code <application
 * id>-<name>-changelog-value} or {@code -repartition-value}, always registered (they belong to the
 * service).
 *
 * <p>A registry that cannot answer at start (down, restarting, or Apicurio's HTTP 500 when several
 * instances register the same new subject at the same moment) is waited out: each subject is tried
 * again with backoff (0.5 s growing to 5 s apart, about three minutes in all) before the start
 * fails. The service is not ready meanwhile.
 */
public final class ServiceSubjects {

  private static final Logger LOGGER = LoggerFactory.getLogger(ServiceSubjects.class);

  /** How long a start waits for the registry: 40 tries, 0.5 s apart growing to 5 s. */
  static final RetryConfig START_WAIT =
      RetryConfig.custom()
          .maxAttempts(40)
          .intervalFunction(
              IntervalFunction.ofExponentialRandomBackoff(
                  Duration.ofMillis(500), 1.5, 0.2, Duration.ofSeconds(5)))
          .retryExceptions(RegistryUnavailableException.class)
          .build();

  private ServiceSubjects() {}

  /**
   * Prepares the subjects; one line per subject, sorted. Fails (and so stops the start) when the
   * registry still cannot be reached after about three minutes of waiting (see above).
   *
   * @param avroInternals the names of the service's stores and repartitions whose values are Avro
   *     records, with their value class
   */
  public static List<String> prepare(
      Topology topology,
      TopicCatalogue catalogue,
      String applicationId,
      Map<String, Class<? extends SpecificRecord>> avroInternals) {
    return prepare(topology, catalogue, applicationId, avroInternals, START_WAIT);
  }

  static List<String> prepare(
      Topology topology,
      TopicCatalogue catalogue,
      String applicationId,
      Map<String, Class<? extends SpecificRecord>> avroInternals,
      RetryConfig registryWait) {
    Retry retry = Retry.of("registry-at-start", registryWait);
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                LOGGER
                    .atWarn()
                    .addKeyValue("attempt", event.getNumberOfRetryAttempts())
                    .addKeyValue("wait", event.getWaitInterval())
                    .addKeyValue("error", String.valueOf(event.getLastThrowable().getMessage()))
                    .log("Schema registry unavailable at start; waiting for it"));
    Set<String> sources = new TreeSet<>();
    Set<String> sinks = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
      collect(subtopology.nodes(), sources, sinks, stores);
    }
    for (TopologyDescription.GlobalStore global : topology.describe().globalStores()) {
      sources.addAll(global.source().topicSet());
    }
    Set<String> topics = new TreeSet<>(sources);
    topics.addAll(sinks);
    List<String> prepared = new ArrayList<>();
    for (CampaignTopic id : CampaignTopic.values()) {
      String name = catalogue.name(id);
      if (topics.contains(name)
          && catalogue.get(id).valueSerde().serializer() instanceof AvroSerializer<?> serializer) {
        try {
          retry.executeRunnable(() -> serializer.prepare(name));
          prepared.add(AvroSerializer.subject(name, false));
        } catch (SerializationException e) {
          // an input is only read: with auto-registration off its subject may hold only a newer
          // version, which does not stop reading; an output must be writable, an outage stops all
          if (sinks.contains(name) || e instanceof RegistryUnavailableException) {
            throw e;
          }
          LOGGER
              .atWarn()
              .addKeyValue("topic", name)
              .addKeyValue("error", e.getMessage())
              .log("Input subject not registered with this service's schema; reading goes on");
        }
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
            retry.executeRunnable(() -> serializer.prepare(topic));
            prepared.add(AvroSerializer.subject(topic, false));
          }
        });
    return prepared.stream().sorted().toList();
  }

  private static void collect(
      Set<TopologyDescription.Node> nodes,
      Set<String> sources,
      Set<String> sinks,
      Set<String> stores) {
    for (TopologyDescription.Node node : nodes) {
      if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
        sources.addAll(source.topicSet());
      } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
        sinks.add(sink.topic());
      } else if (node instanceof TopologyDescription.Processor processor) {
        stores.addAll(processor.stores());
      }
    }
  }
}
