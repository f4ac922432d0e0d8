package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.platform.streams.StreamsTestDriver.bytes;
import static org.librarycampaign.platform.streams.StreamsTestDriver.header;
import static org.librarycampaign.platform.streams.StreamsTestDriver.postId;
import static org.librarycampaign.platform.streams.StreamsTestDriver.withdrawal;

import java.nio.file.Path;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import library.campaign.events.PostEvent;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.topics.Topic;

/**
 * The input rules step alone, in a TopologyTestDriver (source, rules, sink), with the shared
 * Streams settings: a value that breaks a rule becomes a dead letter with reason {@code INVALID}
 * and its own bytes; the records around it flow on; tombstones pass.
 */
class InputRulesTest {

  @TempDir Path stateDir;

  private StreamsTestDriver test;
  private Topic<String, PostEvent> postTopic;
  private TestInputTopic<String, PostEvent> posts;
  private TestOutputTopic<String, PostEvent> out;

  @BeforeEach
  void start() {
    test =
        StreamsTestDriver.start(
            stateDir,
            "rules-test",
            (builder, catalogue) ->
                InputRules.checked(
                        builder.stream(catalogue.posts().name(), catalogue.posts().consumed()),
                        "posts")
                    .to(StreamsTestDriver.OUT, catalogue.posts().produced()));
    postTopic = test.catalogue.posts();
    posts = test.input(postTopic);
    out = test.out(postTopic);
  }

  @AfterEach
  void closeDriver() {
    test.close();
  }

  @Test
  void aValueBreakingARuleGoesToDeadLettersWithReasonInvalidAndTheOthersFlow() {
    posts.pipeInput("eastside", withdrawal("p1", "eastside"));
    posts.pipeInput("eastside", withdrawal("x*", "east side"));
    posts.pipeInput("eastside", null);
    posts.pipeInput("eastside", withdrawal("p2", "eastside"));

    assertThat(out.readKeyValuesToList())
        .extracting(kv -> kv.value == null ? "tombstone" : postId(kv.value))
        .containsExactly("p1", "tombstone", "p2");
    TestRecord<byte[], DeadLetter> letter = test.deadLetters.readRecord();
    assertThat(letter.value().getStage()).isEqualTo(DeadLetterStage.PROCESSING);
    assertThat(letter.value().getErrorMessage())
        .isEqualTo(
            "INVALID: PostWithdrawn postId: must match [A-Za-z0-9._:-]{1,128}: ASCII letters,"
                + " digits, '.', '_', ':' and '-' only; branchId: must match"
                + " [A-Za-z0-9._:-]{1,128}: ASCII letters, digits, '.', '_', ':' and '-' only");
    assertThat(letter.value().getSourceTopic()).isEqualTo(postTopic.name());
    assertThat(letter.value().getOffset()).isEqualTo(1L);
    assertThat(header(letter, DeadLetters.HEADER_REASON)).isEqualTo(RejectedRecord.INVALID);
    assertThat(postTopic.valueSerde().deserializer().deserialize(postTopic.name(), bytes(letter)))
        .as("the refused record's own bytes")
        .isEqualTo(withdrawal("x*", "east side"));
    assertThat(test.deadLetters.isEmpty()).isTrue();
  }
}
