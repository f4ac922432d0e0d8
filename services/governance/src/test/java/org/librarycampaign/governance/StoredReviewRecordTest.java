package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import library.campaign.events.MediaKind;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReviewAction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.ReviewEntry;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.platform.state.StateCodec;

/**
 * A post's review record (its latest draft, audit trail, override and signature), written with
 * every draft: it reads back as written in its binary layout, and what was stored by name before
 * the layout still reads.
 */
class StoredReviewRecordTest {

  private static final StateCodec<ReviewRecord> BY_NAME = StateCodec.of(ReviewRecord.class);

  @Property
  void aReviewRecordReadsBackEqual(@ForAll("records") ReviewRecord record) {
    StateCodec<ReviewRecord> codec = StateCodecs.reviewRecords();

    assertThat(codec.decode(codec.encode(record))).isEqualTo(record);
  }

  @Property
  void aReviewRecordStoredByNameStillReads(@ForAll("records") ReviewRecord record) {
    assertThat(StateCodecs.reviewRecords().decode(BY_NAME.encode(record))).isEqualTo(record);
  }

  @Example
  void itIsWrittenInItsLayoutAndSmallerThanByName() {
    ReviewRecord record =
        ReviewRecord.empty()
            .withDraft(
                new Draft(
                    "p1",
                    2,
                    "westside",
                    Platform.FACEBOOK,
                    PostCategory.CAMPAIGN,
                    "budget",
                    "Speak up for your library at the budget hearing!",
                    List.of("#Fund"),
                    List.of("@CountyExec"),
                    List.of("https://westside.library.example.org/budget"),
                    1,
                    Instant.parse("2026-12-01T15:00:00Z"),
                    Instant.parse("2026-11-27T10:00:00Z"),
                    List.of(MediaKind.IMAGE)));

    byte[] stored = StateCodecs.reviewRecords().encode(record);

    assertThat(stored[0]).as("format 3: the binary layout").isEqualTo((byte) 3);
    assertThat(stored.length).isLessThan(BY_NAME.encode(record).length);
  }

  /**
   * The layout names each component: a component added to one of these records must be added to
   * {@code StateCodecs.ReviewRecordLayout} (written, read, and given a version when older values
   * lack it), or a RESCHEDULE would lose it. This fails until the layout is looked at.
   */
  @Example
  void theLayoutCoversEveryComponentOfTheStoredRecords() {
    assertThat(Draft.class.getRecordComponents()).hasSize(14);
    assertThat(ReviewEntry.class.getRecordComponents()).hasSize(6);
    assertThat(ReviewRecord.Stamp.class.getRecordComponents()).hasSize(4);
    assertThat(ReviewRecord.class.getRecordComponents()).hasSize(4);
  }

  @Provide
  Arbitrary<ReviewRecord> records() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
    // whole characters only: a lone surrogate has no UTF-8 form in either format
    Arbitrary<String> texts =
        Arbitraries.strings().withCharRange(' ', '~').withChars('é', '€', '\n').ofMaxLength(40);
    Arbitrary<List<String>> lists = ids.list().ofMaxSize(3);
    Arbitrary<DraftHead> heads =
        Combinators.combine(
                ids,
                Arbitraries.integers().between(1, 50),
                ids,
                Arbitraries.of(Platform.class),
                Arbitraries.of(PostCategory.class),
                ids.injectNull(0.3),
                texts)
            .as(DraftHead::new);
    Arbitrary<Draft> drafts =
        Combinators.combine(
                heads,
                lists,
                lists,
                lists,
                Arbitraries.integers().between(0, 4),
                instants(),
                instants(),
                Arbitraries.of(MediaKind.class).list().ofMaxSize(3))
            .as(
                (head, hashtags, mentions, links, media, scheduledAt, draftedAt, kinds) ->
                    new Draft(
                        head.postId(),
                        head.revision(),
                        head.branchId(),
                        head.platform(),
                        head.category(),
                        head.campaignId(),
                        head.text(),
                        hashtags,
                        mentions,
                        links,
                        media,
                        scheduledAt,
                        draftedAt,
                        kinds));
    Arbitrary<ReviewEntry> entries =
        Combinators.combine(
                Arbitraries.integers().between(1, 50),
                Arbitraries.of(ReviewAction.class),
                ids,
                texts.injectNull(0.5),
                instants(),
                instants().injectNull(0.5))
            .as(ReviewEntry::new);
    Arbitrary<ReviewRecord.Stamp> stamps =
        Combinators.combine(
                Arbitraries.integers().between(1, 50), ids, texts.injectNull(0.5), instants())
            .as(ReviewRecord.Stamp::new);
    return Combinators.combine(
            drafts.injectNull(0.2),
            entries.list().ofMaxSize(3),
            stamps.injectNull(0.5),
            stamps.injectNull(0.5))
        .as(ReviewRecord::new);
  }

  private record DraftHead(
      String postId,
      int revision,
      String branchId,
      Platform platform,
      PostCategory category,
      String campaignId,
      String text) {}

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
  }
}
