package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import library.campaign.events.ChannelPolicy;
import library.campaign.events.IncidentReported;
import library.campaign.events.Media;
import library.campaign.events.MediaKind;
import library.campaign.events.MilestoneEvent;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.librarycampaign.platform.serde.EventClasses;

/**
 * The input rules on Avro records ({@link RecordRules}) say what the JSON reader says about the
 * same record: the rules are stated once, in {@link EventRules}, for both.
 */
class RecordRulesTest {

  private static final EventJson JSON = new EventJson();

  static {
    EventClasses.trust(); // the builders below copy records
  }

  static Stream<SpecificRecord> records() {
    return Stream.of(
        Samples.postDrafted(),
        new PostEvent(Samples.postDrafted()),
        Samples.postWithdrawn(),
        Samples.postReviewed(),
        Samples.milestone(),
        Samples.incidentReported(),
        Samples.channelPolicy(),
        Samples.responsePlan(),
        Samples.rotationOverride(),
        Samples.officials(),
        // the reliability suite's record: an id with '*', revision 0, no text
        PostDrafted.newBuilder(Samples.postDrafted())
            .setPostId("x*")
            .setRevision(0)
            .setText("")
            .build(),
        PostDrafted.newBuilder(Samples.postDrafted())
            .setBranchId("*")
            .setLinks(List.of("ftp://example.org/a", "https://ok.example.org"))
            .setMedia(
                List.of(
                    Media.newBuilder(Samples.postDrafted().getMedia().get(0))
                        .setKind(MediaKind.IMAGE)
                        .setUrl("not a url")
                        .build()))
            .build(),
        MilestoneEvent.newBuilder(Samples.milestone())
            .setEndsAt(Samples.milestone().getStartsAt())
            .setBufferMinutes(-1)
            .setMilestoneId("m\u200b1")
            .build(),
        IncidentReported.newBuilder(Samples.incidentReported())
            .setIncidentId("i".repeat(129))
            .setBranchId("")
            .build(),
        ChannelPolicy.newBuilder(Samples.channelPolicy())
            .setZone("Mars/Olympus")
            .setMaxPostsPerDay(0)
            .build());
  }

  @ParameterizedTest
  @MethodSource("records")
  void theAvroRecordHasExactlyTheProblemsTheJsonReaderFinds(SpecificRecord record) {
    String line = JSON.write(record);
    InvalidEventException refused =
        catchThrowableOfType(InvalidEventException.class, () -> JSON.parse(line));
    List<FieldError> expected = refused == null ? List.of() : refused.errors();

    assertThat(RecordRules.problems(record)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theReliabilityCaseIsRefusedNamingTheFields() {
    PostDrafted drafted =
        PostDrafted.newBuilder(Samples.postDrafted()).setPostId("x*").setRevision(0).build();
    assertThat(RecordRules.problems(new PostEvent(drafted)))
        .extracting(FieldError::field)
        .containsExactly("postId", "revision");
  }
}
