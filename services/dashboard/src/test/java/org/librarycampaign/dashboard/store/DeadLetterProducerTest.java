package org.librarycampaign.dashboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * The views are rebuilt from the beginning at each start, so a bad record is met at every start;
 * its dead letter is written once.
 */
class DeadLetterProducerTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");
  private static final String APPLICATION_ID = "campaign-dashboard";

  @TempDir Path stateDir;

  @Test
  void aBadRecordReadAgainAtTheNextStartIsDeadLetteredOnce() {
    List<byte[]> badValues = List.of(new byte[] {1, 2, 3}, new byte[] {4, 5});

    List<ProducerRecord<byte[], byte[]>> first = start(badValues, Set.of());
    List<ProducerRecord<byte[], byte[]>> second =
        start(List.of(new byte[] {1, 2, 3}, new byte[] {4, 5}, new byte[] {6}), sentBefore(first));

    assertThat(first).hasSize(2);
    assertThat(second)
        .singleElement()
        .satisfies(
            letter ->
                assertThat(DeadLetterProducer.whereIfOurs(letter.headers(), APPLICATION_ID))
                    .endsWith("/0/2"));
  }

  @Test
  void theDeadLettersOfAnotherApplicationDoNotCount() {
    List<ProducerRecord<byte[], byte[]>> first = start(List.of(new byte[] {1}), Set.of());

    assertThat(DeadLetterProducer.whereIfOurs(first.get(0).headers(), "campaign-governance"))
        .isNull();
  }

  /** What the topic would give back to the next start. */
  private static Set<String> sentBefore(List<ProducerRecord<byte[], byte[]>> letters) {
    Set<String> written = new HashSet<>();
    for (ProducerRecord<byte[], byte[]> letter : letters) {
      written.add(DeadLetterProducer.whereIfOurs(letter.headers(), APPLICATION_ID));
    }
    return written;
  }

  /** One start of the dashboard over the bad records of campaign.post-decisions. */
  private List<ProducerRecord<byte[], byte[]>> start(
      List<byte[]> badValues, Set<String> alreadyWritten) {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    TopicCatalogue topics = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    DeadLetterProducer deadLetters =
        new DeadLetterProducer(
            new DeadLetters(
                topics.deadLetters().name(),
                topics.deadLetters().valueSerde().serializer(),
                APPLICATION_ID),
            producer,
            alreadyWritten);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            DashboardTopology.buildTopology(config, topics, deadLetters),
            StreamsSettings.forService(config, DashboardService.NAME, topics),
            MONDAY)) {
      TestInputTopic<String, byte[]> raw =
          driver.createInputTopic(
              topics.postDecisions().name(), new StringSerializer(), new ByteArraySerializer());
      for (byte[] value : badValues) {
        raw.pipeInput("garbled", value, MONDAY);
      }
    }
    return producer.history();
  }
}
