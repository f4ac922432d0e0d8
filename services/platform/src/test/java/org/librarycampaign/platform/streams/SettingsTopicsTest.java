package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.platform.streams.StreamsTestDriver.bytes;
import static org.librarycampaign.platform.streams.StreamsTestDriver.header;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import library.campaign.events.BranchSettings;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.Official;
import library.campaign.events.Officials;
import library.campaign.events.Platform;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.events.EventType;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.platform.topics.Topic;

/**
 * A bad value on a settings topic, written straight to Kafka: the owner's check dead-letters it
 * once with the field named (reason {@code INVALID}, or stage {@code DESERIALIZATION} for bytes
 * that are not the wire format), while a service's global view of the topic skips it and writes no
 * dead letter; the valid values around it are taken.
 */
class SettingsTopicsTest {

  private static final String PLATFORMS =
      Arrays.stream(Platform.values()).map(Platform::name).collect(Collectors.joining(", "));

  @TempDir Path stateDir;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private StreamsTestDriver test;

  @AfterEach
  void close() {
    if (test != null) {
      test.close();
    }
    Metrics.globalRegistry.remove(meters);
  }

  @Test
  void theSettingsTopicsAreTheInputTopicsThatAreNotEvents() {
    EnumSet<CampaignTopic> inputs = EnumSet.noneOf(CampaignTopic.class);
    EventType.inputs().forEach(type -> inputs.add(type.topic()));
    inputs.removeAll(
        List.of(CampaignTopic.POSTS, CampaignTopic.MILESTONES, CampaignTopic.INCIDENTS));

    assertThat(SettingsTopics.TOPICS).isEqualTo(inputs);
  }

  @Test
  void theOwnersCheckDeadLettersEachBadValueOnceNamingTheField() {
    // TopologyTestDriver (4.4.0) under exactly_once_v2 drops the dead letters of deserialization
    // errors (see DeadLetterHandlersTest); DeadLettersIT shows them written on a real broker
    test =
        StreamsTestDriver.start(
            stateDir,
            "settings-check",
            SettingsTopics::checkAll,
            catalogue ->
                Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE));
    Topic<String, Officials> officialsTopic = test.catalogue.officials();
    TestInputTopic<String, Officials> officials = test.input(officialsTopic);
    TestInputTopic<String, byte[]> rawOfficials = test.rawInput(officialsTopic);
    TestInputTopic<String, BranchSettings> settings = test.input(test.catalogue.branchSettings());

    officials.pipeInput("eastside", directory("eastside", "X", "@CountyExec"));
    officials.pipeInput("eastside", directory("eastside", "TWITTER", "@CountyExec"));
    rawOfficials.pipeInput("eastside", "not the wire format".getBytes(StandardCharsets.UTF_8));
    officials.pipeInput("westside", directory("westside", "X", "@Mayor"));
    settings.pipeInput("eastside", branchSettings("eastside", "America/Chicago"));
    settings.pipeInput("westside", branchSettings("westside", "Mars/Olympus_Mons"));

    TestRecord<byte[], DeadLetter> handle = test.deadLetters.readRecord();
    assertThat(handle.value().getErrorMessage())
        .isEqualTo(
            "INVALID: Officials officials[0].handles.TWITTER: not a platform; use one of "
                + PLATFORMS
                + " as the key");
    assertThat(handle.value().getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(handle.value().getSourceTopic()).isEqualTo(officialsTopic.name());
    assertThat(handle.value().getOffset()).isEqualTo(1L);
    assertThat(header(handle, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.INVALID);
    assertThat(officialsTopic.valueSerde().deserializer().deserialize("", bytes(handle)))
        .as("the refused record's own bytes")
        .isEqualTo(directory("eastside", "TWITTER", "@CountyExec"));

    TestRecord<byte[], DeadLetter> unreadable = test.deadLetters.readRecord();
    assertThat(unreadable.value().getStage()).isEqualTo(DeadLetterStage.DESERIALIZATION);
    assertThat(unreadable.value().getSourceTopic()).isEqualTo(officialsTopic.name());
    assertThat(unreadable.value().getOffset()).isEqualTo(2L);
    assertThat(new String(bytes(unreadable), StandardCharsets.UTF_8))
        .isEqualTo("not the wire format");

    TestRecord<byte[], DeadLetter> zone = test.deadLetters.readRecord();
    assertThat(zone.value().getErrorMessage())
        .isEqualTo(
            "INVALID: BranchSettings zone: not a time zone; use a name such as America/Chicago,"
                + " Europe/London or UTC");
    assertThat(zone.value().getSourceTopic()).isEqualTo(test.catalogue.branchSettings().name());
    assertThat(zone.value().getOffset()).isEqualTo(1L);
    assertThat(header(zone, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.INVALID);

    assertThat(test.deadLetters.isEmpty()).isTrue();
    assertThat(test.driver.producedTopicNames())
        .as("nothing but dead letters")
        .containsExactly(test.catalogue.deadLetters().name());
  }

  @Test
  void aGlobalViewSkipsABadValueWithoutADeadLetterAndTakesTheNextValidOne() {
    Metrics.globalRegistry.add(meters);
    test =
        StreamsTestDriver.start(
            stateDir,
            "settings-view",
            (builder, catalogue) ->
                GlobalView.addTo(builder, catalogue.officials(), "settings-view-officials"));
    Topic<String, Officials> officialsTopic = test.catalogue.officials();
    TestInputTopic<String, Officials> officials = test.input(officialsTopic);
    TestInputTopic<String, byte[]> rawOfficials = test.rawInput(officialsTopic);
    KeyValueStore<String, Officials> view = test.driver.getKeyValueStore("settings-view-officials");

    officials.pipeInput("eastside", directory("eastside", "X", "@CountyExec"));
    assertThat(view.get("eastside")).isEqualTo(directory("eastside", "X", "@CountyExec"));

    officials.pipeInput("eastside", directory("eastside", "TWITTER", "@CountyExec"));
    assertThat(view.get("eastside")).as("a value breaking a rule is absent").isNull();

    officials.pipeInput("eastside", directory("eastside", "X", "@NewExec"));
    assertThat(view.get("eastside")).isEqualTo(directory("eastside", "X", "@NewExec"));

    rawOfficials.pipeInput("eastside", "not the wire format".getBytes(StandardCharsets.UTF_8));
    assertThat(view.get("eastside")).as("bytes that are not the wire format are absent").isNull();

    officials.pipeInput("westside", directory("westside", "X", "@Mayor"));
    assertThat(view.get("westside")).isEqualTo(directory("westside", "X", "@Mayor"));

    assertThat(test.deadLetters.isEmpty()).as("the dead letters are the owner's").isTrue();
    assertThat(ignored(officialsTopic, SettingsTopics.REASON_INVALID)).isEqualTo(1.0);
    assertThat(ignored(officialsTopic, SettingsTopics.REASON_UNREADABLE)).isEqualTo(1.0);
  }

  private double ignored(Topic<?, ?> topic, String reason) {
    return meters
        .get(SettingsTopics.METRIC)
        .tag("topic", topic.name())
        .tag("reason", reason)
        .counter()
        .count();
  }

  private static Officials directory(String branchId, String platform, String handle) {
    return Officials.newBuilder()
        .setBranchId(branchId)
        .setOfficials(
            List.of(
                Official.newBuilder()
                    .setName("Pat Lee")
                    .setOffice("County Executive")
                    .setHandles(Map.of(platform, handle))
                    .build()))
        .build();
  }

  private static BranchSettings branchSettings(String branchId, String zone) {
    return BranchSettings.newBuilder()
        .setBranchId(branchId)
        .setZone(zone)
        .setReportContacts(List.of())
        .build();
  }
}
