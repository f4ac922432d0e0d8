package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.crisis.Lines.DEFAULT_PLAN;
import static org.librarycampaign.crisis.Lines.acknowledged;
import static org.librarycampaign.crisis.Lines.reported;
import static org.librarycampaign.crisis.Lines.resolved;
import static org.librarycampaign.testsupport.RefusedRecordAssert.assertThatRefused;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import library.campaign.events.CrisisOutput;
import library.campaign.events.DeadLetter;
import library.campaign.events.IncidentStatus;
import library.campaign.events.Notification;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.serde.AvroSerde;

/**
 * Ownership without a store of its own (README: topology and stores): the processor checks the
 * owner from the incidents store, and one output gate checks each change once before splitting it
 * into its topics. Each case asserts every record written, then that nothing else was.
 */
class CrisisOwnershipTest {

  private static final String OWNERSHIP =
      "OWNERSHIP: incidentId i1 of branch westside belongs to another branch";

  @TempDir Path stateDir;

  private CrisisDriver crisis;

  @AfterEach
  void close() {
    crisis.close();
  }

  @Test
  void anotherBranchsAcknowledgementAndResolutionOfAKnownIncidentAreDeadLetteredWithTheirBytes() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    assertThat(crisis.brief()).hasSize(4);

    String ack = acknowledged("i1", "westside", "mallory", "2026-12-01T15:05:00Z");
    String resolution = resolved("i1", "westside", "mallory", "2026-12-01T15:06:00Z");
    crisis.line(ack).line(resolution);

    List<KeyValue<String, SpecificRecord>> refused = crisis.output();
    assertThat(refused).as("two dead letters and nothing else").hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThatRefused((DeadLetter) refused.get(i).value)
          .isRejected(OWNERSHIP)
          .holds(
              crisis.harness().catalogue().incidents(),
              new EventJson().parse(i == 0 ? ack : resolution).value());
    }

    crisis.tick("2026-12-01T15:14:59Z");
    assertThat(crisis.outputTopicsEmpty())
        .as("eastside's incident is neither acknowledged nor resolved: nothing until tier 1")
        .isTrue();
    crisis.tick("2026-12-01T15:15:00Z");
    assertThat(crisis.brief())
        .extracting(line -> line.substring(0, line.indexOf(" tier=")))
        .containsExactly("N i1/1/deputy/WEBHOOK ALERT HIGH", "S i1 ESCALATED HIGH");
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  @Test
  void anEventAboutAnUnknownIncidentClaimsNothing() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    // westside acknowledges an incident nobody reported: ignored, and the id stays free
    crisis.line(acknowledged("i1", "westside", "mallory", "2026-12-01T15:00:00Z"));
    assertThat(crisis.outputTopicsEmpty()).isTrue();

    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:01:00Z"));
    assertThat(crisis.brief())
        .as("eastside's report is the incident's first: it owns it")
        .extracting(line -> line.substring(0, line.indexOf(" tier=")))
        .containsExactly(
            "N i1/0/manager/EMAIL ALERT HIGH",
            "N i1/0/manager/SMS ALERT HIGH",
            "N i1/0/comms/EMAIL ALERT HIGH",
            "S i1 OPEN HIGH");

    crisis.line(resolved("i1", "westside", "mallory", "2026-12-01T15:02:00Z"));
    assertThat(crisis.output())
        .extracting(record -> ((DeadLetter) record.value).getErrorMessage())
        .containsExactly(OWNERSHIP);
  }

  @Test
  void theOutputGateSplitsAnOwnersRecordInOrderAndRefusesAnotherBranchsWhole() {
    crisis = new CrisisDriver(stateDir).lines(DEFAULT_PLAN);
    crisis.line(reported("i1", "eastside", "HIGH", "2026-12-01T15:00:00Z"));
    List<KeyValue<String, SpecificRecord>> written = crisis.output();
    List<Notification> alerts =
        written.stream()
            .filter(kv -> kv.value instanceof Notification)
            .map(kv -> (Notification) kv.value)
            .toList();
    IncidentStatus open = (IncidentStatus) written.get(written.size() - 1).value;

    // what another branch's task on another partition would send the gate about i1
    Notification intruding =
        Notification.newBuilder(alerts.get(0))
            .setNotificationId("i1/0/intruder/EMAIL")
            .setBranchId("westside")
            .build();
    IncidentStatus intrudingStatus =
        IncidentStatus.newBuilder(open).setBranchId("westside").build();
    TestInputTopic<String, CrisisOutput> gate = gateInput();
    gate.pipeInput("i1", new CrisisOutput(List.of(intruding), intrudingStatus));
    List<KeyValue<String, SpecificRecord>> refused = crisis.output();
    assertThat(refused).as("one dead letter for the whole record, nothing else").hasSize(1);
    assertThatRefused((DeadLetter) refused.get(0).value)
        .isRejected(OWNERSHIP)
        .cameFromTopicEndingWith("-" + CrisisTopology.OUTPUT_BY_ID + "-repartition");

    // the owner's record: its notifications in order, keyed by their ids, then its status
    Notification second = Notification.newBuilder(alerts.get(1)).build();
    Notification first = Notification.newBuilder(alerts.get(0)).build();
    gate.pipeInput("i1", new CrisisOutput(List.of(second, first), open));
    assertThat(crisis.output())
        .containsExactly(
            KeyValue.pair(second.getNotificationId(), second),
            KeyValue.pair(first.getNotificationId(), first),
            KeyValue.pair("i1", open));
    assertThat(crisis.outputTopicsEmpty()).isTrue();
  }

  /** The gate's input: the by-incident repartition, in its own subject. */
  private TestInputTopic<String, CrisisOutput> gateInput() {
    String repartition =
        Stream.of(crisis.harness().driver().producedTopicNames().toArray(String[]::new))
            .filter(name -> name.endsWith("-" + CrisisTopology.OUTPUT_BY_ID + "-repartition"))
            .findFirst()
            .orElseThrow();
    AvroSerde<CrisisOutput> serde =
        new AvroSerde<>(crisis.harness().catalogue().registry(), CrisisOutput.class, true);
    return crisis
        .harness()
        .driver()
        .createInputTopic(repartition, Serdes.String().serializer(), serde.serializer());
  }
}
