package org.librarycampaign.platform.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.security.KafkaAccess;
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
    StreamsService streams =
        new StreamsService(
            name(),
            topology,
            StreamsSettings.forService(context.config(), name(), context.topics()));
    streams.start(context.readiness());
    try {
      return running(streams, context);
    } catch (RuntimeException e) {
      streams.close();
      throw e;
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
