package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * Stale holds (README, "Stale holds expire") over random sequences of drafts, revisions,
 * withdrawals, crises and clock moves on two channels of one branch, with the wall clock checked
 * before every event as the processor does: no post is released after its time, and every post
 * still held at its time is EXPIRED exactly once, after which nothing changes that revision.
 */
class HoldExpiryProperties {

  private static final String BRANCH = "east";
  private static final Instant START = Instant.parse("2026-11-28T08:00:00Z");
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 30);
  private static final Instant AFTER_EVERYTHING = Instant.parse("2027-01-01T00:00:00Z");

  sealed interface Action {}

  record DraftPost(
      int post, int revision, Platform platform, PostCategory category, int day, int hour)
      implements Action {}

  record Withdraw(int post) implements Action {}

  record Report(int incident, Severity severity) implements Action {}

  record Resolve(int incident) implements Action {}

  /** The wall clock moves on without any event. */
  record Wait(int hours) implements Action {}

  record Scenario(List<ChannelRules> rules, List<Action> actions) {}

  /** One step's decisions: those of the expiry check, then those of the event, at {@code now}. */
  record Step(Instant now, List<Decision> expired, List<Decision> decided) {}

  @Property(tries = 400)
  void noPostIsReleasedOrApprovedAtOrAfterItsTimeOnceHeld(@ForAll("scenarios") Scenario scenario) {
    List<Step> steps = run(scenario);
    Statistics.label("releases")
        .collect(steps.stream().flatMap(s -> s.decided().stream()).anyMatch(Decision::released))
        .coverage(c -> c.check(true).percentage(p -> p > 10));
    for (Step step : steps) {
      for (Decision decision : step.decided()) {
        if (decision.released()) {
          assertThat(decision.decidedAt())
              .as("%s released at or after its time", decision.postId())
              .isBefore(decision.scheduledAt());
        }
      }
    }
  }

  @Property(tries = 400)
  void everyPostHeldPastItsTimeIsExpiredExactlyOnceAndThenLeftAlone(
      @ForAll("scenarios") Scenario scenario) {
    List<Step> steps = run(scenario);
    Statistics.label("expiries")
        .collect(steps.stream().anyMatch(s -> !s.expired().isEmpty()))
        .coverage(c -> c.check(true).percentage(p -> p > 30));
    Map<String, Decision> latest = new HashMap<>();
    Map<String, Integer> expiries = new HashMap<>();
    for (Step step : steps) {
      for (Decision decision : step.expired()) {
        Decision before = latest.get(decision.postId());
        assertThat(decision.status()).isEqualTo(DecisionStatus.EXPIRED);
        assertThat(before).as("expired without a decision before").isNotNull();
        assertThat(before.status()).as("only a held post expires").isEqualTo(DecisionStatus.HELD);
        assertThat(before.revision()).isEqualTo(decision.revision());
        assertThat(decision.decidedAt())
            .as("stamped with its time, or its hold when that came later")
            .isEqualTo(
                before.decidedAt().isAfter(before.scheduledAt())
                    ? before.decidedAt()
                    : before.scheduledAt());
        assertThat(decision.scheduledAt()).isBeforeOrEqualTo(step.now());
        expiries.merge(decision.postId() + "#" + decision.revision(), 1, Integer::sum);
        latest.put(decision.postId(), decision);
      }
      for (Map.Entry<String, Decision> entry : latest.entrySet()) {
        if (entry.getValue().status() == DecisionStatus.HELD) {
          assertThat(entry.getValue().scheduledAt())
              .as("%s still held past its time at %s", entry.getKey(), step.now())
              .isAfter(step.now());
        }
      }
      for (Decision decision : step.decided()) {
        Decision before = latest.get(decision.postId());
        if (before != null && before.status() == DecisionStatus.EXPIRED) {
          assertThat(decision.revision())
              .as("a decision about an expired revision of %s", decision.postId())
              .isGreaterThan(before.revision());
        }
        latest.put(decision.postId(), decision);
      }
    }
    assertThat(expiries.values()).allMatch(n -> n == 1);
    assertThat(latest.values())
        .as("held after the clock passed every post's time")
        .noneMatch(d -> d.status() == DecisionStatus.HELD);
  }

  /** Each action at the clock, after the expiry check; then the clock past every post's time. */
  private static List<Step> run(Scenario scenario) {
    MemoryState state = new MemoryState();
    scenario.rules().forEach(state::withRules);
    Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));
    List<Step> steps = new ArrayList<>();
    Instant now = START;
    for (Action action : scenario.actions()) {
      now =
          action instanceof Wait wait
              ? now.plus(Duration.ofHours(wait.hours()))
              : now.plusSeconds(60);
      List<Decision> expired = governor.expireDue(now).decisions();
      Outcome outcome = apply(governor, action, now);
      state.recordUses(outcome.hashtagUses());
      steps.add(new Step(now, expired, outcome.decisions()));
    }
    steps.add(
        new Step(AFTER_EVERYTHING, governor.expireDue(AFTER_EVERYTHING).decisions(), List.of()));
    return steps;
  }

  private static Outcome apply(Governor governor, Action action, Instant at) {
    if (action instanceof DraftPost d) {
      Instant scheduledAt =
          FIRST_MONDAY.plusDays(d.day()).atTime(d.hour(), 0).toInstant(ZoneOffset.UTC);
      return governor.onDrafted(
          new Draft(
              "p" + d.post(),
              d.revision(),
              BRANCH,
              d.platform(),
              d.category(),
              d.category() == PostCategory.CAMPAIGN ? "budget" : null,
              "Sign the petition https://example.org",
              List.of(),
              List.of("@Mayor"),
              List.of(),
              1,
              scheduledAt,
              at),
          at);
    }
    if (action instanceof Withdraw w) {
      return governor.onWithdrawn("p" + w.post(), "changed plans", at, at);
    }
    if (action instanceof Report r) {
      return governor.onIncidentReported(BRANCH, "i" + r.incident(), r.severity());
    }
    if (action instanceof Resolve r) {
      return governor.onIncidentResolved(BRANCH, "i" + r.incident(), at);
    }
    return Outcome.NOTHING;
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ChannelRules> anyRules =
        Combinators.combine(
                Arbitraries.of(Platform.FACEBOOK, Platform.X),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(ZoneOffset.UTC, ZoneId.of("America/Chicago")))
            .as((p, ratio, cap, zone) -> ChannelRules.of(BRANCH, p, ratio, cap, zone, true));
    Arbitrary<Action> drafts =
        Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(Platform.FACEBOOK, Platform.X),
                Arbitraries.frequency(
                    Tuple.of(2, PostCategory.CONTENT), Tuple.of(3, PostCategory.CAMPAIGN)),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 23))
            .as(DraftPost::new);
    Arbitrary<Action> actions =
        Arbitraries.frequencyOf(
            Tuple.of(12, drafts),
            Tuple.of(2, Arbitraries.integers().between(0, 9).map(Withdraw::new)),
            Tuple.of(
                2,
                Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.of(Severity.HIGH, Severity.CRITICAL, Severity.LOW))
                    .as(Report::new)),
            Tuple.of(2, Arbitraries.integers().between(0, 1).map(Resolve::new)),
            Tuple.of(3, Arbitraries.integers().between(1, 30).map(Wait::new)));
    return Combinators.combine(
            anyRules.list().ofMinSize(1).ofMaxSize(2), actions.list().ofMinSize(10).ofMaxSize(80))
        .as(Scenario::new);
  }
}
