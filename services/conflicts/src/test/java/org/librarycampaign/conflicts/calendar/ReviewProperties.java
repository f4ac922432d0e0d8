package org.librarycampaign.conflicts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * A reviewer's RESCHEDULE of the latest revision r is exactly the post's revision r+1 at the new
 * time, and a REJECT of it exactly a withdrawal but for the cause of the conflicts it clears
 * (POST_REJECTED, services/conflicts/README.md#rules): a calendar fed the reviews writes, event by
 * event, the same changes as one fed the drafts and withdrawals they stand for. Reviews of other
 * revisions, of withdrawn posts and of unknown posts change nothing; a rejected post comes back
 * with a RESCHEDULE, a withdrawn one does not.
 */
class ReviewProperties {

  private static final Instant BASE = Instant.parse("2026-12-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(30);

  /** One review: which post (p0 to p9, or an unknown one), which revision, what. */
  record Review(int post, int revisionDelta, boolean reschedule, int slot) {}

  private enum Status {
    LIVE,
    WITHDRAWN,
    REJECTED
  }

  private record Known(Post post, Status status) {}

  @Property
  void aReviewWritesWhatItsRevisionOrWithdrawalWould(
      @ForAll("runs") Tuple2<List<Object>, List<Review>> run) {
    ConflictCalendar reviewed = Calendars.calendar();
    ConflictCalendar translated = Calendars.calendar();
    Map<String, Known> model = new HashMap<>();

    for (Object event : run.get1()) {
      Outcome outcome;
      if (event instanceof Post post) {
        outcome = reviewed.postDrafted(post);
        assertThat(translated.postDrafted(post)).isEqualTo(outcome);
        Known known = model.get(post.postId());
        if (known == null || known.post().revision() < post.revision()) {
          model.put(post.postId(), new Known(post, Status.LIVE));
        }
      } else if (event instanceof Milestone milestone) {
        outcome = reviewed.milestone(milestone);
        assertThat(translated.milestone(milestone)).isEqualTo(outcome);
      } else {
        String postId = (String) event;
        outcome = reviewed.postWithdrawn(postId);
        assertThat(translated.postWithdrawn(postId)).isEqualTo(outcome);
        Known known = model.get(postId);
        if (known != null && known.status() == Status.LIVE) {
          model.put(postId, new Known(known.post(), Status.WITHDRAWN));
        }
      }
    }

    for (Review review : run.get2()) {
      String postId = "p" + review.post();
      Known known = model.get(postId);
      int revision = (known == null ? 1 : known.post().revision()) + review.revisionDelta();
      boolean latest = known != null && known.post().revision() == revision;
      Outcome actual;
      Outcome expected;
      String kind;
      if (review.reschedule()) {
        Instant newTime = BASE.plus(STEP.multipliedBy(review.slot()));
        actual = reviewed.postRescheduled(postId, revision, newTime);
        if (latest && known.status() != Status.WITHDRAWN) {
          Post next = known.post().rescheduled(newTime);
          expected = translated.postDrafted(next);
          model.put(postId, new Known(next, Status.LIVE));
          kind = "reschedule " + known.status();
        } else {
          expected = null;
          kind = "reschedule ignored";
        }
      } else {
        actual = reviewed.postRejected(postId, revision);
        if (latest && known.status() == Status.LIVE) {
          expected = asRejected(translated.postWithdrawn(postId));
          model.put(postId, new Known(known.post(), Status.REJECTED));
          kind = "reject";
        } else {
          expected = null;
          kind = "reject ignored";
        }
      }
      Statistics.label("review").collect(kind);
      if (expected == null) {
        assertThat(actual.status()).as("%s", review).isNotEqualTo(Outcome.Status.APPLIED);
        assertThat(actual.changes()).as("%s", review).isEmpty();
      } else {
        assertThat(actual).as("%s", review).isEqualTo(expected);
      }
    }
  }

  /** What a withdrawal wrote, with the cause a reject gives the conflicts it clears. */
  private static Outcome asRejected(Outcome withdrawal) {
    return new Outcome(
        withdrawal.status(),
        withdrawal.changes().stream()
            .map(
                change ->
                    change instanceof CalendarChange.ConflictEnded ended
                            && ended.reason() == CalendarChange.ClearReason.POST_WITHDRAWN
                        ? new CalendarChange.ConflictEnded(
                            ended.post(),
                            ended.milestone(),
                            ended.milestoneNow(),
                            CalendarChange.ClearReason.POST_REJECTED)
                        : change)
            .toList());
  }

  @Provide
  Arbitrary<Tuple2<List<Object>, List<Review>>> runs() {
    Arbitrary<Review> reviews =
        Combinators.combine(
                Arbitraries.integers().between(0, 10),
                Arbitraries.of(0, 0, 0, 0, -1, 1),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 96))
            .as(Review::new);
    return CalendarScenario.scenarios()
        .flatMap(
            scenario ->
                Combinators.combine(scenario.orders(), reviews.list().ofMinSize(1).ofMaxSize(12))
                    .as(Tuple::of));
  }
}
