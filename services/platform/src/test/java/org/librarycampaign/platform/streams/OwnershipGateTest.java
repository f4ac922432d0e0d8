package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.platform.streams.StreamsTestDriver.bytes;
import static org.librarycampaign.platform.streams.StreamsTestDriver.header;
import static org.librarycampaign.platform.streams.StreamsTestDriver.postId;
import static org.librarycampaign.platform.streams.StreamsTestDriver.withdrawal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.topics.Topic;

/**
 * The branch route and both ownership gates alone, in a TopologyTestDriver: source, route or gate,
 * sink; every record written is asserted.
 */
class OwnershipGateTest {

  @TempDir Path stateDir;

  private StreamsTestDriver test;
  private Topic<String, PostEvent> postTopic;
  private TestInputTopic<String, PostEvent> posts;
  private TestOutputTopic<String, PostEvent> out;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  private enum Shape {
    ROUTE,
    ROUTE_AND_GATE,
    OUTPUT_GATE,
    OUTPUT_GATE_ENCODED,
    ROUTE_THEN_FAIL
  }

  private void start(Shape shape) {
    start(shape, false);
  }

  /**
   * @param partitionsKnown as the services run: the input's partition count in the config
   */
  private void start(Shape shape, boolean partitionsKnown) {
    test =
        StreamsTestDriver.start(
            stateDir,
            "gate-test",
            (builder, catalogue) -> build(builder, catalogue.posts(), shape),
            catalogue ->
                partitionsKnown
                    ? Map.of(BranchRouting.PARTITIONS_CONFIG, Map.of(catalogue.posts().name(), 1))
                    : Map.of());
    postTopic = test.catalogue.posts();
    posts = test.input(postTopic);
    out = test.out(postTopic);
    deadLetters = test.deadLetters;
  }

  private static void build(
      StreamsBuilder builder, Topic<String, PostEvent> postTopic, Shape shape) {
    KStream<String, PostEvent> input = builder.stream(postTopic.name(), postTopic.consumed());
    KStream<String, PostEvent> result =
        switch (shape) {
          case ROUTE -> BranchRouting.byBranch(input, postTopic, "route", "gate-test");
          case ROUTE_AND_GATE ->
              OwnershipGate.inTask(
                  BranchRouting.byBranch(input, postTopic, "route", "gate-test"), "post", "postId");
          case OUTPUT_GATE -> {
            builder.addStateStore(OwnershipGate.ownersStoreBuilder("out"));
            yield OwnershipGate.beforeWriting(
                input,
                postTopic,
                "out",
                OwnershipGate.ownersStore("out"),
                "postId",
                StreamsTestDriver::postId,
                value -> "decision:" + postId(value));
          }
          case OUTPUT_GATE_ENCODED -> {
            builder.addStateStore(OwnershipGate.ownersStoreBuilder("out"));
            OwnershipGate.beforeWritingEncoded(
                    input,
                    postTopic,
                    "out",
                    OwnershipGate.ownersStore("out"),
                    "postId",
                    StreamsTestDriver::postId)
                .to(StreamsTestDriver.OUT, OwnershipGate.producedEncoded(postTopic));
            yield null;
          }
          case ROUTE_THEN_FAIL ->
              BranchRouting.byBranch(input, postTopic, "route", "gate-test")
                  .mapValues(
                      value -> {
                        throw new IllegalArgumentException("cannot decide " + postId(value));
                      },
                      Named.as("fail"));
        };
    if (result != null) {
      result.to(StreamsTestDriver.OUT, postTopic.produced());
    }
  }

  @AfterEach
  void closeDriver() {
    if (test != null) {
      test.close();
    }
  }

  @Test
  void theRouteKeysEveryRecordByItsBranchWhateverTheProducersKey() {
    start(Shape.ROUTE);
    posts.pipeInput("p1", withdrawal("p1", "eastside"));
    posts.pipeInput("some-partitioner-key", withdrawal("p2", "westside"));
    posts.pipeInput(null, withdrawal("p3", "eastside"));

    assertThat(out.readRecordsToList())
        .extracting(
            r -> r.key() + " " + postId(r.value()) + " " + header(r, "campaign.source.offset"))
        .containsExactly("eastside p1 0", "westside p2 1", "eastside p3 2");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void withThePartitionCountOnlyARecordOutOfItsPlaceTakesTheInternalTopic() {
    // the driver's topics have one partition: a record keyed by its branch is in its place
    start(Shape.ROUTE, true);
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("p2", withdrawal("p2", "westside"));
    posts.pipeInput("westside", withdrawal("p3", "westside"));

    assertThat(out.readRecordsToList())
        .extracting(
            r ->
                r.key()
                    + " "
                    + postId(r.value())
                    + " "
                    + (r.headers().lastHeader(DeadLetters.HEADER_SOURCE_TOPIC) == null
                        ? "straight on"
                        : "rerouted"))
        .containsExactly(
            "eastside p1 straight on", "westside p2 rerouted", "westside p3 straight on");
    for (String branch : List.of("eastside", "westside", "branch-17", "Zweigstelle Süd")) {
      assertThat(BranchRouting.javaPartition(branch, 6))
          .as("where Kafka's Java producer puts a record keyed %s", branch)
          .isEqualTo(
              BuiltInPartitioner.partitionForKey(branch.getBytes(StandardCharsets.UTF_8), 6));
    }
  }

  @Test
  void theRouteCountsATombstoneAndDropsIt() {
    start(Shape.ROUTE);
    posts.pipeInput("eastside", null);
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));

    assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("eastside");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aDeadLetterBehindTheRouteNamesTheInputRecordSoAReplayGoesBackThere() {
    start(Shape.ROUTE_THEN_FAIL);
    posts.pipeInput("eastside", withdrawal("p0", "eastside"));
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));

    assertThat(out.isEmpty()).isTrue();
    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::getSourceTopic, DeadLetter::getOffset, DeadLetter::getErrorMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(postTopic.name(), 0L, "cannot decide p0"),
            org.assertj.core.groups.Tuple.tuple(postTopic.name(), 1L, "cannot decide p1"));
  }

  @Test
  void theFirstBranchOwnsAnIdAndAnotherBranchsEventGoesToDeadLettersWithItsBytes() {
    start(Shape.ROUTE_AND_GATE);
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("westside", withdrawal("p1", "westside"));
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("westside", withdrawal("p2", "westside"));

    assertThat(out.readKeyValuesToList())
        .extracting(kv -> kv.key + " " + postId(kv.value))
        .containsExactly("eastside p1", "eastside p1", "westside p2");
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(letter.value().getErrorMessage())
        .isEqualTo("OWNERSHIP: postId p1 of branch westside belongs to another branch");
    assertThat(letter.value().getSourceTopic()).isEqualTo(postTopic.name());
    assertThat(letter.value().getOffset()).isEqualTo(1L);
    assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.OWNERSHIP);
    assertThat(postTopic.valueSerde().deserializer().deserialize(postTopic.name(), bytes(letter)))
        .as("the refused record's own bytes")
        .isEqualTo(withdrawal("p1", "westside"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void theOutputGateKeysByIdRefusesAnotherBranchAndWritesWithTheOutputKey() {
    start(Shape.OUTPUT_GATE);
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("westside", withdrawal("p1", "westside"));
    posts.pipeInput("westside", withdrawal("p2", "westside"));
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));

    assertThat(out.readKeyValuesToList())
        .extracting(kv -> kv.key + " " + ((PostWithdrawn) kv.value.getEvent()).getBranchId())
        .containsExactly("decision:p1 eastside", "decision:p2 westside", "decision:p1 eastside");
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getErrorMessage())
        .isEqualTo("OWNERSHIP: postId p1 of branch westside belongs to another branch");
    assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.OWNERSHIP);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void theEncodedOutputGateWritesTheBytesItRepartitionedAndRefusesAnotherBranch() {
    start(Shape.OUTPUT_GATE_ENCODED);
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("westside", withdrawal("p1", "westside"));
    posts.pipeInput("westside", withdrawal("p2", "westside"));
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));

    TestOutputTopic<String, byte[]> raw =
        test.driver.createOutputTopic(
            StreamsTestDriver.OUT,
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer());
    List<TestRecord<String, byte[]>> written = raw.readRecordsToList();
    assertThat(written)
        .extracting(
            r ->
                r.key()
                    + " "
                    + postId(
                        postTopic
                            .valueSerde()
                            .deserializer()
                            .deserialize(postTopic.name(), r.value())))
        .containsExactly("p1 p1", "p2 p2", "p1 p1");
    for (int i = 0; i < written.size(); i++) {
      PostEvent sent = i == 1 ? withdrawal("p2", "westside") : withdrawal("p1", "eastside");
      assertThat(written.get(i).value())
          .as("the bytes the output topic's serializer writes")
          .isEqualTo(postTopic.valueSerde().serializer().serialize(postTopic.name(), sent));
      assertThat(written.get(i).headers().toArray()).as("no header of the gate's").isEmpty();
    }
    TestRecord<byte[], DeadLetter> letter = deadLetters.readRecord();
    assertThat(letter.value().getErrorMessage())
        .isEqualTo("OWNERSHIP: postId p1 of branch westside belongs to another branch");
    assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.OWNERSHIP);
    assertThat(postTopic.valueSerde().deserializer().deserialize(postTopic.name(), bytes(letter)))
        .as("the refused record's own bytes")
        .isEqualTo(withdrawal("p1", "westside"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }
}
