package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.conflicts.calendar.CalendarState.IndexEntry;
import org.librarycampaign.platform.state.StateCodec;

/** The stored forms of the calendar's records read back as written, and older ones still read. */
class StoredValuesTest {

  private static final StateCodec<Post> POSTS = StateCodec.of(Post.class);
  private static final StateCodec<Milestone> MILESTONES = StateCodec.of(Milestone.class);
  private static final StateCodec<IndexEntry> INDEX = StateCodec.of(IndexEntry.class);

  @Property
  void aPostReadsBackEqual(@ForAll("posts") Post post) {
    assertThat(POSTS.decode(POSTS.encode(post))).isEqualTo(post);
  }

  @Property
  void aMilestoneReadsBackEqual(@ForAll("milestones") Milestone milestone) {
    assertThat(MILESTONES.decode(MILESTONES.encode(milestone))).isEqualTo(milestone);
  }

  @Property
  void anIndexEntryReadsBackEqual(
      @ForAll("texts") String branchId, @ForAll("texts") String campaignId, @ForAll long until) {
    IndexEntry entry =
        new IndexEntry(branchId, campaignId, until % 2 == 0 ? null : Instant.ofEpochMilli(until));

    assertThat(INDEX.decode(INDEX.encode(entry))).isEqualTo(entry);
  }

  @Example
  void aPostStoredBeforeCampaignsAndReviewsWereKnownReadsAsNoCampaignAndNotRejected() {
    byte[] older =
        StateCodec.fromJson(
            "{\"postId\":\"p1\",\"revision\":2,\"branchId\":\"westside\","
                + "\"platform\":\"FACEBOOK\",\"scheduledAt\":1796137200000,\"live\":true}");

    assertThat(POSTS.decode(older))
        .isEqualTo(
            new Post(
                "p1",
                2,
                "westside",
                "FACEBOOK",
                false,
                null,
                Instant.parse("2026-12-01T15:00:00Z"),
                true,
                false));
  }

  @Example
  void aMilestoneStoredBeforeCancellationsReadsAsNotCancelled() {
    byte[] older =
        StateCodec.fromJson(
            "{\"milestoneId\":\"m1\",\"revision\":1,\"scope\":\"*\",\"stance\":\"AVOID\","
                + "\"title\":\"Fair\",\"startsAt\":1796137200000,\"endsAt\":1796140800000,"
                + "\"buffer\":7200000}");

    assertThat(MILESTONES.decode(older))
        .isEqualTo(
            new Milestone(
                "m1",
                1,
                "*",
                Stance.AVOID,
                null,
                "Fair",
                Instant.parse("2026-12-01T15:00:00Z"),
                Instant.parse("2026-12-01T16:00:00Z"),
                Duration.ofHours(2),
                false));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().ofMaxLength(10).injectNull(0.3);
  }

  @Provide
  Arbitrary<Post> posts() {
    Arbitrary<String> ids = Arbitraries.strings().ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(
            ids,
            Arbitraries.integers(),
            ids,
            Arbitraries.of("FACEBOOK", "INSTAGRAM"),
            Arbitraries.of(true, false),
            texts(),
            instants(),
            // live, withdrawn, or rejected by a reviewer
            Arbitraries.integers().between(0, 2))
        .as(
            (id, revision, branch, platform, campaign, campaignId, at, state) ->
                new Post(
                    id,
                    revision,
                    branch,
                    platform,
                    campaign,
                    campaignId,
                    at,
                    state == 0,
                    state == 2));
  }

  @Provide
  Arbitrary<Milestone> milestones() {
    Arbitrary<String> ids = Arbitraries.strings().ofMinLength(1).ofMaxLength(10);
    return Combinators.combine(
            Combinators.combine(ids, Arbitraries.integers(), ids, Arbitraries.of(Stance.class))
                .as(Head::new),
            texts(),
            ids,
            instants(),
            instants(),
            Arbitraries.longs().between(0, 1_000_000_000L).map(Duration::ofMillis),
            Arbitraries.of(true, false))
        .as(
            (head, campaignId, title, startsAt, endsAt, buffer, cancelled) ->
                new Milestone(
                    head.id(),
                    head.revision(),
                    head.scope(),
                    head.stance(),
                    campaignId,
                    title,
                    startsAt,
                    endsAt,
                    buffer,
                    cancelled));
  }

  private record Head(String id, int revision, String scope, Stance stance) {}

  private static Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(-62_135_596_800_000L, 253_402_300_799_999L)
        .map(Instant::ofEpochMilli);
  }
}
