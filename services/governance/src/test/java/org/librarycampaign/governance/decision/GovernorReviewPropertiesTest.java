package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReviewAction;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * The review rules (services/governance/README.md#reviews) over random sequences of drafts, crises
 * and reviews of one channel with a tight ratio and cap, so that many posts are held: an override
 * frees only the post it names, and a review of a revision that is not the post's latest (or of a
 * post never drafted) changes nothing at all, now or later.
 */
class GovernorReviewPropertiesTest {

  private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
  private static final ChannelRules RULES =
      ChannelRules.of("east", Platform.FACEBOOK, 2, 2, null, true);

  sealed interface Action {
    /** Its own time, kept when other actions are left out. */
    int minute();
  }

  record DraftPost(int minute, int post, int revision, PostCategory category, int day)
      implements Action {}

  record Reviewed(int minute, int post, int revision, ReviewAction action) implements Action {}

  record Crisis(int minute, boolean starts) implements Action {}

  @Property(tries = 400)
  void anOverrideApprovesOnlyThePostItNames(@ForAll("scenarios") List<Action> actions) {
    Subject subject = new Subject();
    int overrides = 0;
    for (Action action : actions) {
      Map<String, DecisionStatus> before = subject.statuses();
      List<Decision> decisions = subject.apply(action);
      if (action instanceof Reviewed r
          && r.action() == ReviewAction.APPROVE
          && before.get(postId(r.post())) == DecisionStatus.HELD
          && !decisions.isEmpty()) {
        overrides++;
        assertThat(decisions)
            .as("an override of %s", postId(r.post()))
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.postId()).isEqualTo(postId(r.post()));
                  assertThat(d.revision()).isEqualTo(r.revision());
                  assertThat(d.status()).isEqualTo(DecisionStatus.APPROVED);
                  assertThat(d.released()).isFalse();
                  assertThat(d.audit().override()).isNotNull();
                });
        Map<String, DecisionStatus> after = subject.statuses();
        before.remove(postId(r.post()));
        after.remove(postId(r.post()));
        assertThat(after).as("every other post as it was").isEqualTo(before);
      }
    }
    Statistics.label("overrides")
        .collect(overrides > 0)
        .coverage(c -> c.check(true).percentage(p -> p > 20));
  }

  @Property(tries = 400)
  void aStaleReviewChangesNothingNowOrLater(@ForAll("scenarios") List<Action> actions) {
    List<Action> current = new ArrayList<>();
    Map<Integer, Integer> latest = new HashMap<>();
    int stale = 0;
    for (Action action : actions) {
      if (action instanceof DraftPost d) {
        latest.merge(d.post(), d.revision(), Math::max);
      }
      if (action instanceof Reviewed r) {
        if (latest.getOrDefault(r.post(), 0) != r.revision()) {
          stale++;
          continue;
        }
        if (r.action() == ReviewAction.RESCHEDULE) {
          latest.put(r.post(), r.revision() + 1); // the review drafts the next revision
        }
      }
      current.add(action);
    }
    Statistics.label("stale reviews")
        .collect(stale > 0)
        .coverage(c -> c.check(true).percentage(p -> p > 20));

    assertThat(flatten(new Subject().applyAll(actions)))
        .isEqualTo(flatten(new Subject().applyAll(current)));
  }

  private static List<Decision> flatten(List<List<Decision>> events) {
    return events.stream().flatMap(List::stream).toList();
  }

  private static String postId(int post) {
    return "east-p" + post;
  }

  /** A governor over its own in-memory state. */
  private static final class Subject {
    private final MemoryState state = new MemoryState().withRules(RULES);
    private final Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));
    private final Map<String, DecisionStatus> statuses = new HashMap<>();
    private int incidents;

    Map<String, DecisionStatus> statuses() {
      return new HashMap<>(statuses);
    }

    List<List<Decision>> applyAll(List<Action> actions) {
      List<List<Decision>> events = new ArrayList<>();
      for (Action action : actions) {
        events.add(apply(action));
      }
      return events;
    }

    List<Decision> apply(Action action) {
      Instant at = START.plusSeconds(60L * action.minute());
      Outcome outcome;
      if (action instanceof DraftPost d) {
        outcome =
            governor.onDrafted(
                new Draft(
                    postId(d.post()),
                    d.revision(),
                    "east",
                    Platform.FACEBOOK,
                    d.category(),
                    d.category() == PostCategory.CAMPAIGN ? "budget" : null,
                    "Sign the petition https://example.org",
                    List.of(),
                    List.of("@Mayor"),
                    List.of(),
                    1,
                    MONDAY.plusDays(d.day()).atTime(15, 0).toInstant(ZoneOffset.UTC),
                    at),
                at);
      } else if (action instanceof Reviewed r) {
        outcome =
            governor.onReviewed(
                new Review(
                    postId(r.post()),
                    r.revision(),
                    "east",
                    Platform.FACEBOOK,
                    r.action(),
                    "because",
                    "ana",
                    at,
                    r.action() == ReviewAction.RESCHEDULE
                        ? MONDAY.plusDays(r.post() % 7).atTime(16, 0).toInstant(ZoneOffset.UTC)
                        : null),
                at);
      } else {
        Crisis c = (Crisis) action;
        // a start opens the next incident, an end resolves the latest one
        outcome =
            c.starts()
                ? governor.onIncidentReported("east", "east-i" + ++incidents, Severity.HIGH)
                : governor.onIncidentResolved("east", "east-i" + incidents, at);
      }
      state.recordUses(outcome.hashtagUses());
      outcome.decisions().forEach(d -> statuses.put(d.postId(), d.status()));
      return outcome.decisions();
    }
  }

  @Provide
  Arbitrary<List<Action>> scenarios() {
    // few posts and mostly first revisions, so that many reviews name a held post's latest one
    Arbitrary<Integer> posts = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> revisions =
        Arbitraries.frequency(
            net.jqwik.api.Tuple.of(6, 1),
            net.jqwik.api.Tuple.of(2, 2),
            net.jqwik.api.Tuple.of(1, 3));
    Arbitrary<Action> draft =
        Combinators.combine(
                posts,
                revisions,
                Arbitraries.of(PostCategory.CONTENT, PostCategory.CAMPAIGN),
                Arbitraries.integers().between(0, 9))
            .as((post, revision, category, day) -> new DraftPost(0, post, revision, category, day));
    Arbitrary<Action> review =
        Combinators.combine(
                posts,
                revisions,
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(4, ReviewAction.APPROVE),
                    net.jqwik.api.Tuple.of(2, ReviewAction.REJECT),
                    net.jqwik.api.Tuple.of(2, ReviewAction.RESCHEDULE),
                    net.jqwik.api.Tuple.of(1, ReviewAction.UNKNOWN)))
            .as((post, revision, action) -> new Reviewed(0, post, revision, action));
    Arbitrary<Action> crisis = Arbitraries.of(true, false).map(starts -> new Crisis(0, starts));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, draft),
            net.jqwik.api.Tuple.of(4, review),
            net.jqwik.api.Tuple.of(1, crisis))
        .list()
        .ofMinSize(12)
        .ofMaxSize(40)
        .map(GovernorReviewPropertiesTest::timed);
  }

  /** Each action at its own minute, in order. */
  private static List<Action> timed(List<Action> actions) {
    List<Action> timed = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      Action action = actions.get(i);
      if (action instanceof DraftPost d) {
        timed.add(new DraftPost(i, d.post(), d.revision(), d.category(), d.day()));
      } else if (action instanceof Reviewed r) {
        timed.add(new Reviewed(i, r.post(), r.revision(), r.action()));
      } else {
        timed.add(new Crisis(i, ((Crisis) action).starts()));
      }
    }
    return timed;
  }
}
