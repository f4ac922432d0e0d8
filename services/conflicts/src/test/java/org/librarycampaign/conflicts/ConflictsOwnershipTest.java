package org.librarycampaign.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.conflicts.Events.at;
import static org.librarycampaign.conflicts.Events.cleared;
import static org.librarycampaign.conflicts.Events.contentPost;
import static org.librarycampaign.conflicts.Events.countyFair;
import static org.librarycampaign.conflicts.Events.detected;
import static org.librarycampaign.conflicts.Events.reviewed;
import static org.librarycampaign.conflicts.Events.withdrawn;
import static org.librarycampaign.testsupport.RefusedRecordAssert.assertThatRefused;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.ClearCause;
import library.campaign.events.ConflictEvent;
import library.campaign.events.DeadLetter;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostEvent;
import library.campaign.events.ReviewAction;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * A post id belongs to the branch conflicts' kept post was first drafted for
 * (docs/ARCHITECTURE.md#ownership-and-placement): another branch's draft, withdrawal or review of a
 * known id is dead-lettered (OWNERSHIP, its own bytes) before the calendar changes; an event about
 * an id the calendar does not know claims nothing. The production topology in a TopologyTestDriver
 * of its own, so that the dead letters' headers can be read; every record written is asserted.
 */
class ConflictsOwnershipTest {

  private static final Instant NOON = at("2026-12-05T12:00:00Z");
  private static final Instant T1 = at("2026-11-28T09:00:00Z");
  private static final Instant T2 = at("2026-11-28T10:00:00Z");
  private static final Instant T3 = at("2026-11-28T11:00:00Z");
  private static final Instant T4 = at("2026-11-28T12:00:00Z");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private Topic<String, PostEvent> postTopic;
  private TestInputTopic<String, PostEvent> posts;
  private TestInputTopic<String, MilestoneEvent> milestones;
  private TestOutputTopic<String, ConflictEvent> conflicts;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    TopicCatalogue catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    driver =
        new TopologyTestDriver(
            ConflictsTopology.buildTopology(config, catalogue),
            StreamsSettings.forService(config, ConflictsService.NAME, catalogue),
            ConflictsDriver.START);
    postTopic = catalogue.posts();
    posts =
        driver.createInputTopic(
            postTopic.name(), new StringSerializer(), postTopic.valueSerde().serializer());
    milestones =
        driver.createInputTopic(
            catalogue.milestones().name(),
            new StringSerializer(),
            catalogue.milestones().valueSerde().serializer());
    conflicts =
        driver.createOutputTopic(
            catalogue.conflicts().name(),
            new StringDeserializer(),
            catalogue.conflicts().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            catalogue.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(conflicts.isEmpty()).as("no conflict record left unread").isTrue();
    assertThat(deadLetters.isEmpty()).as("no dead letter left unread").isTrue();
    driver.close();
  }

  private PostEvent send(String branchId, PostEvent event, Instant at) {
    posts.pipeInput(branchId, event, at);
    return event;
  }

  /** The calendar's stores, every entry, as text: what a refused event must leave as it was. */
  private List<String> calendar() {
    return ConflictStores.NAMES.stream()
        .flatMap(
            name -> {
              KeyValueStore<Bytes, byte[]> store = driver.getKeyValueStore(name);
              List<String> entries = new java.util.ArrayList<>();
              try (KeyValueIterator<Bytes, byte[]> all = store.all()) {
                all.forEachRemaining(
                    kv -> entries.add(name + " " + kv.key + " " + Bytes.wrap(kv.value)));
              }
              return entries.stream();
            })
        .toList();
  }

  private void assertRefused(TestRecord<byte[], DeadLetter> letter, PostEvent sent, long offset) {
    // the message names the id and the sending branch, never the owner
    assertThatRefused(letter.value(), letter.headers())
        .isRejected("OWNERSHIP: postId p1 of branch westside belongs to another branch")
        .hasReason(RejectedRecord.OWNERSHIP)
        .cameFrom(postTopic.name(), offset)
        .holds(postTopic, sent);
  }

  @Test
  void anotherBranchsDraftWithdrawalAndReviewOfAKnownPostAreDeadLetteredAndChangeNothing() {
    milestones.pipeInput("eastside", countyFair(1, "eastside").build(), T1);
    send("eastside", contentPost("p1", 1, "eastside", NOON), T2);
    assertThat(conflicts.readKeyValuesToList())
        .containsExactly(
            detected(
                "p1",
                "fair",
                "eastside",
                NOON,
                "County Fair",
                at("2026-12-05T08:00:00Z"),
                at("2026-12-05T20:00:00Z"),
                at("2026-12-05T20:00:00Z"),
                "Scheduled during the County Fair (Sat 5 Dec, 10:00 to 18:00 UTC, 2 h buffer):"
                    + " moves it after the County Fair, Sat 5 Dec, 20:00 UTC",
                T2));
    List<String> before = calendar();

    // each would clear eastside's conflict if it were taken
    List<PostEvent> intruders =
        List.of(
            send("westside", contentPost("p1", 2, "westside", at("2026-12-07T12:00:00Z")), T3),
            send("westside", withdrawn("p1", "westside"), T3),
            send("westside", reviewed("p1", 1, "westside", ReviewAction.REJECT, null), T3),
            send(
                "westside",
                reviewed("p1", 1, "westside", ReviewAction.RESCHEDULE, at("2026-12-07T12:00:00Z")),
                T3));

    assertThat(conflicts.isEmpty()).as("eastside's conflict stands").isTrue();
    List<TestRecord<byte[], DeadLetter>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(4);
    for (int i = 0; i < letters.size(); i++) {
      assertRefused(letters.get(i), intruders.get(i), i + 1);
    }
    assertThat(calendar()).as("the calendar as it was").isEqualTo(before);

    send("eastside", withdrawn("p1", "eastside"), T4);
    assertThat(conflicts.readKeyValuesToList())
        .as("the owner still withdraws its post")
        .containsExactly(
            cleared(
                "p1",
                "fair",
                "eastside",
                ClearCause.POST_WITHDRAWN,
                "No longer clashes with the County Fair: the post was withdrawn",
                T4));
  }

  @Test
  void aWithdrawalOrReviewOfAnUnknownPostClaimsNothing() {
    send("westside", withdrawn("p1", "westside"), T1);
    send("westside", reviewed("p1", 1, "westside", ReviewAction.REJECT, null), T1);
    assertThat(conflicts.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();

    milestones.pipeInput("eastside", countyFair(1, "eastside").build(), T1);
    send("eastside", contentPost("p1", 1, "eastside", NOON), T2);
    assertThat(conflicts.readKeyValuesToList())
        .as("eastside's draft is checked: the id was not westside's")
        .extracting(kv -> kv.key)
        .containsExactly("p1");
    PostEvent intruder = send("westside", withdrawn("p1", "westside"), T3);
    assertRefused(deadLetters.readRecord(), intruder, 3);
  }
}
