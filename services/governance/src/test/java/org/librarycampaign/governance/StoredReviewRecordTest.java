package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import library.campaign.events.DecisionStatus;
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
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.ReviewEntry;
import org.librarycampaign.governance.decision.ReviewRecord;
import org.librarycampaign.platform.state.StateCodec;

/**
 * A post's review record (audit trail, override and signature; its latest draft in values written
 * before the post record kept it) and the draft in the post record: they read back as written in
 * their binary layouts, and what was stored by name or in an older layout still reads.
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

  @Property
  void aPostRecordWithItsDraftReadsBackEqual(@ForAll("records") ReviewRecord record) {
    PostRecord post = post(record.draft());
    StateCodec<PostRecord> codec = StateCodecs.postRecords();

    assertThat(codec.decode(codec.encode(post))).isEqualTo(post);
    assertThat(codec.decode(StateCodec.of(PostRecord.class).encode(post))).isEqualTo(post);
  }

  @Example
  void aPostRecordInLayoutVersion2ReadsWithoutADraft() {
    PostRecord post = post(null);
    byte[] version3 = StateCodecs.postRecords().encode(post);
    // version 2 is version 3 without the draft's presence flag (the last byte, false)
    byte[] version2 = Arrays.copyOf(version3, version3.length - 1);
    version2[1] = 2;

    assertThat(version3[version3.length - 1]).isZero();
    assertThat(StateCodecs.postRecords().decode(version2)).isEqualTo(post);
  }

  private static PostRecord post(Draft draft) {
    return new PostRecord(
        "p1",
        1,
        "westside",
        Platform.FACEBOOK,
        PostCategory.CAMPAIGN,
        "budget",
        Instant.parse("2026-12-01T15:00:00Z"),
        Instant.parse("2026-11-27T10:00:00Z"),
        new WindowKey("westside", Platform.FACEBOOK, LocalDate.parse("2026-11-30")),
        LocalDate.parse("2026-12-01"),
        DecisionStatus.HELD,
        false,
        List.of(),
        draft);
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
   * The layouts name each component: a component added to one of these records must be added to
   * {@code StateCodecs.ReviewRecordLayout} or {@code PostRecordLayout} (written, read, and given a
   * version when older values lack it), or it would be lost. This fails until the layouts are
   * looked at.
   */
  @Example
  void theLayoutCoversEveryComponentOfTheStoredRecords() {
    assertThat(Draft.class.getRecordComponents()).hasSize(14);
    assertThat(ReviewEntry.class.getRecordComponents()).hasSize(6);
    assertThat(ReviewRecord.Stamp.class.getRecordComponents()).hasSize(4);
    assertThat(ReviewRecord.class.getRecordComponents()).hasSize(4);
    assertThat(PostRecord.class.getRecordComponents()).hasSize(14);
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
