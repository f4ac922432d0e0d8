package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.content;
import static org.librarycampaign.testsupport.RefusedRecordAssert.assertThatRefused;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import library.campaign.events.DeadLetter;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.json.EventJson;
import org.librarycampaign.platform.json.ParsedEvent;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.streams.StreamsSettings;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;

/**
 * A post id belongs to the branch of the post record governance keeps under it
 * (docs/ARCHITECTURE.md#ownership-and-placement): the processor refuses another branch's draft,
 * withdrawal or review of a known id before it touches any state, and the processing handler
 * dead-letters the record's own bytes with reason OWNERSHIP; an event about an id the store does
 * not know claims nothing. The production topology in a TopologyTestDriver of its own, so that the
 * dead letters' headers can be read; every record written is asserted.
 */
class GovernanceOwnershipTest {

  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  private static final EventJson JSON = new EventJson();

  @TempDir Path stateDir;

  private TopicCatalogue catalogue;
  private Topology topology;
  private TopologyTestDriver driver;
  private Topic<String, PostEvent> postTopic;
  private TestInputTopic<String, PostEvent> posts;
  private TestOutputTopic<String, PostDecision> decisions;
  private TestOutputTopic<byte[], DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    CampaignConfig config =
        CampaignConfig.of(
            Map.of(
                CampaignConfig.STATE_DIR, stateDir.toString(),
                CampaignConfig.DATA_DIR, stateDir.toString()));
    catalogue = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    topology = GovernanceTopology.buildTopology(config, catalogue);
    driver =
        new TopologyTestDriver(
            topology, StreamsSettings.forService(config, GovernanceService.NAME, catalogue), START);
    postTopic = catalogue.posts();
    posts =
        driver.createInputTopic(
            postTopic.name(), new StringSerializer(), postTopic.valueSerde().serializer());
    decisions =
        driver.createOutputTopic(
            catalogue.postDecisions().name(),
            new StringDeserializer(),
            catalogue.postDecisions().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            catalogue.deadLetters().name(),
            new ByteArrayDeserializer(),
            catalogue.deadLetters().valueSerde().deserializer());
  }

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(decisions.isEmpty()).as("no decision left unread").isTrue();
    assertThat(deadLetters.isEmpty()).as("no dead letter left unread").isTrue();
    driver.close();
  }

  /** Sends a JSON line of a post event, stamped with its own time, keyed by its branch. */
  private PostEvent send(Object line) {
    ParsedEvent event = JSON.parse(line.toString());
    PostEvent value = (PostEvent) event.value();
    posts.pipeInput(event.key(), value, event.eventTime());
    return value;
  }

  private List<String> decisionLines() {
    return decisions.readValuesToList().stream().map(TopologyHarness::json).toList();
  }

  private static String westside(String line) {
    return line.replace("\"branchId\":\"eastside\"", "\"branchId\":\"westside\"");
  }

  private KeyValueStore<String, PostRecord> postStore() {
    return driver.getKeyValueStore(GovernanceTopology.POSTS_STORE);
  }

  private List<BalanceLedger> ledgers() {
    KeyValueStore<String, BalanceLedger> store =
        driver.getKeyValueStore(GovernanceTopology.LEDGERS_STORE);
    List<BalanceLedger> all = new ArrayList<>();
    try (KeyValueIterator<String, BalanceLedger> entries = store.all()) {
      entries.forEachRemaining(entry -> all.add(entry.value));
    }
    return all;
  }

  /** Asserts the refusal of {@code sent}, the record at {@code offset} of the post topic. */
  private void assertRefused(TestRecord<byte[], DeadLetter> letter, PostEvent sent, long offset) {
    // the message names the id and the sending branch, never the owner
    assertThatRefused(letter.value(), letter.headers())
        .isRejected("OWNERSHIP: postId c1 of branch westside belongs to another branch")
        .hasReason(RejectedRecord.OWNERSHIP)
        .cameFrom(postTopic.name(), offset)
        .holds(postTopic, sent);
  }

  @Test
  void anotherBranchsDraftWithdrawalAndReviewOfAKnownPostAreDeadLetteredAndTouchNoState() {
    send(content("c1"));
    assertThat(decisionLines())
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
    PostRecord owners = postStore().get("c1");
    List<BalanceLedger> weeks = ledgers();

    List<PostEvent> intruders =
        List.of(
            send(content("c1").branch("westside").revision(2).drafted("2026-11-27T10:05:00Z")),
            send(Lines.withdrawn("c1", "westside", "mine now", "2026-11-27T10:06:00Z")),
            send(
                westside(
                    Lines.reviewed("c1", 1, "REJECT", "not ours", "2026-11-27T10:07:00Z", null))),
            send(
                westside(
                    Lines.reviewed(
                        "c1",
                        1,
                        "RESCHEDULE",
                        null,
                        "2026-11-27T10:08:00Z",
                        "2026-12-02T15:00:00Z"))));

    assertThat(decisions.isEmpty()).as("eastside's decision stands").isTrue();
    List<TestRecord<byte[], DeadLetter>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(4);
    for (int i = 0; i < letters.size(); i++) {
      assertRefused(letters.get(i), intruders.get(i), i + 1);
    }
    assertThat(postStore().get("c1")).as("eastside's post record untouched").isEqualTo(owners);
    assertThat(ledgers()).as("eastside's week untouched").isEqualTo(weeks);

    send(Lines.withdrawn("c1", "eastside", "posted twice", "2026-11-27T10:09:00Z"));
    assertThat(decisionLines())
        .as("the owner still withdraws its post, counted where it was")
        .containsExactly(
            Expected.content("c1")
                .withdrawn("Withdrawn by the branch: posted twice")
                .week(0, 0, 0)
                .decidedAt("2026-11-27T10:09:00Z")
                .line());
  }

  @Test
  void aWithdrawalOrReviewOfAnUnknownPostClaimsNothing() {
    send(Lines.withdrawn("c1", "westside", "never drafted", "2026-11-27T09:00:00Z"));
    send(westside(Lines.reviewed("c1", 1, "APPROVE", "looks fine", "2026-11-27T09:30:00Z", null)));
    assertThat(decisions.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(postStore().get("c1")).as("nothing stored about c1").isNull();

    send(content("c1"));
    assertThat(decisionLines())
        .as("eastside's draft makes the id eastside's")
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
    PostEvent intruder =
        send(content("c1").branch("westside").revision(2).drafted("2026-11-27T10:05:00Z"));
    assertRefused(deadLetters.readRecord(), intruder, 3);
  }

  @Test
  void postsHaveNoOwnersStoreOfTheirOwnIncidentsAndDecisionsKeepTheirGates() {
    TreeSet<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    assertThat(stores)
        .containsExactly(
            "governance-crises",
            "governance-decision-owners",
            "governance-hashtag-first-use",
            "governance-hold-expiries",
            "governance-incident-owners",
            "governance-ledgers",
            "governance-posts",
            "governance-resolved-incidents",
            "governance-reviews",
            "governance-sent-hashtag-uses");
  }
}
