package org.librarycampaign.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.topics.ServiceSubjects;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The check every Kafka Streams service's {@code *SubjectsTest} makes: the subjects that {@code
 * StreamsCampaignService.start} registers before the client starts ({@link ServiceSubjects}) are
 * exactly the ones the test names, and the registry holds those and no others.
 */
public final class ServiceSubjectsCheck {

  private ServiceSubjectsCheck() {}

  /**
   * Builds the service's production topology on a config whose state and data live in {@code dir},
   * registers its subjects in an empty in-memory registry the way the service does before it
   * starts, and asserts them.
   *
   * @param serviceName the service's {@code NAME}, which makes its application id
   * @param topology the service's {@code buildTopology}
   * @param avroInternals the service's {@code avroInternalValues()}
   * @param expected every subject, in the sorted order {@link ServiceSubjects#prepare} returns
   * @return the subjects registered
   */
  public static List<String> subjectsRegisteredBeforeStart(
      Path dir,
      String serviceName,
      BiFunction<CampaignConfig, TopicCatalogue, Topology> topology,
      Map<String, Class<? extends SpecificRecord>> avroInternals,
      String... expected) {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, dir.resolve("state").toString(),
                CampaignConfig.DATA_DIR, dir.toString()));
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, registry);

    List<String> subjects =
        ServiceSubjects.prepare(
            topology.apply(config, catalogue),
            catalogue,
            config.applicationId(serviceName),
            avroInternals);

    assertThat(subjects)
        .as("the subjects %s registers before it starts", serviceName)
        .containsExactly(expected);
    assertThat(registry.subjects())
        .as("the registry holds those subjects and no others")
        .containsExactlyInAnyOrderElementsOf(subjects);
    return subjects;
  }
}
