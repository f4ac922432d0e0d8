package org.librarycampaign.platform.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.security.KafkaAccess;
import org.librarycampaign.platform.streams.BranchRouting;
import org.librarycampaign.platform.streams.StreamsService;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.ServiceSubjects;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that is one Kafka Streams topology, run with the shared settings. A service adds what
 * it needs around the client through two hooks, {@link #beforeStart} and {@link #running}, rather
 * than by copying {@link #start}.
 */
public abstract class StreamsCampaignService implements CampaignService {

  private static final Logger LOGGER = LoggerFactory.getLogger(StreamsCampaignService.class);

  /** The production topology; tests and {@code campaign plan} build the same one. */
  protected abstract Topology buildTopology(CampaignConfig config, TopicCatalogue topics);

  @Override
  public Optional<Topology> topology(CampaignConfig config, TopicCatalogue topics) {
    return Optional.of(buildTopology(config, topics));
  }

  /** From the topology it runs, even when it offers none to {@code campaign plan}. */
  @Override
  public KafkaAccess kafkaAccess(CampaignConfig config, TopicCatalogue topics) {
    return KafkaAccess.of(buildTopology(config, topics));
  }

  @Override
  public final RunningService start(ServiceContext context) {
    beforeStart(context);
    Topology topology = buildTopology(context.config(), context.topics());
    List<String> subjects =
        ServiceSubjects.prepare(
            topology,
            context.topics(),
            context.config().applicationId(name()),
            avroInternalValues());
    LOGGER
        .atInfo()
        .addKeyValue("service", name())
        .addKeyValue("subjects", subjects)
        .log("Schema subjects registered before start");
    Properties settings = StreamsSettings.forService(context.config(), name(), context.topics());
    partitionsOfInputs(context, topology)
        .ifPresent(known -> settings.put(BranchRouting.PARTITIONS_CONFIG, known));
    StreamsService streams = new StreamsService(name(), topology, settings);
    streams.start(context.readiness());
    try {
      return running(streams, context);
    } catch (RuntimeException e) {
      streams.close();
      throw e;
    }
  }

  /**
   * The partition counts of the input topics the platform's branch route reads ({@link
   * BranchRouting}), so that records already in their place skip its internal topic; when the
   * broker cannot tell, every record takes it, which is right but slower.
   */
  private Optional<Map<String, Integer>> partitionsOfInputs(
      ServiceContext context, Topology topology) {
    // only topics the service reads: its ACLs allow describing those (docs/ARCHITECTURE.md)
    Set<String> read = new HashSet<>();
    topology
        .describe()
        .subtopologies()
        .forEach(
            sub ->
                sub.nodes().stream()
                    .filter(TopologyDescription.Source.class::isInstance)
                    .forEach(node -> read.addAll(((TopologyDescription.Source) node).topicSet())));
    List<String> inputs =
        List.of(
                context.topics().posts().name(),
                context.topics().incidents().name(),
                context.topics().milestones().name())
            .stream()
            .filter(read::contains)
            .toList();
    if (inputs.isEmpty()) {
      return Optional.empty();
    }
    try (Admin admin = Admin.create(context.config().kafkaProperties())) {
      Map<String, Integer> counts = new HashMap<>();
      admin
          .describeTopics(inputs)
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .forEach((topic, description) -> counts.put(topic, description.partitions().size()));
      return Optional.of(Map.copyOf(counts));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOGGER
          .atWarn()
          .addKeyValue("service", name())
          .addKeyValue("error", e.getMessage())
          .log("Input partition counts unknown; every input record takes the branch route");
      return Optional.empty();
    }
  }

  /**
   * The service's stores and repartitions (by name) whose values are Avro records, with their value
   * class: their subjects are registered before the client starts, like those of the catalogue
   * topics it reads and writes (see {@link ServiceSubjects}). Values kept with {@code
   * state.StateCodec} need no subject. None by default.
   */
  protected Map<String, Class<? extends SpecificRecord>> avroInternalValues() {
    return Map.of();
  }

  /**
   * Runs before the topology is built and the client started: what the client needs and does not
   * make itself (a topic that feeds a global store, a check of partition counts). Nothing by
   * default; throwing stops the start.
   */
  protected void beforeStart(ServiceContext context) {}

  /**
   * What {@link #start} returns for the started client: by default the client itself, closed on
   * close. A service that also serves routes returns them here, and closes the client in its own
   * {@link RunningService#close()}.
   */
  protected RunningService running(StreamsService streams, ServiceContext context) {
    return streams::close;
  }
}
