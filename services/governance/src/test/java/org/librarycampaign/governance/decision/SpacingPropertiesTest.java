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
import library.campaign.events.ReasonCode;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * Spacing and the weekly ceiling over random event sequences of one branch on two channels with
 * random spacing, ceilings, ratios, caps and zones; drafts at any ten minutes of two weeks (the
 * weeks' edges included), revisions that move posts, withdrawals and crises. Checked against the
 * decision stream alone.
 */
class SpacingPropertiesTest {

  private static final String BRANCH = "east";
  private static final List<Platform> PLATFORMS = List.of(Platform.FACEBOOK, Platform.X);
  private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 30);

  sealed interface Action {}

  record DraftPost(
      int post, int revision, Platform platform, PostCategory category, int day, int minuteOfDay)
      implements Action {
    String postId() {
      return "p" + post;
    }
  }

  record Withdraw(int post) implements Action {}

  record Report(int incident) implements Action {}

  record Resolve(int incident) implements Action {}

  record Scenario(List<ChannelRules> rules, List<Action> actions) {}

  @Property(tries = 400)
  void noTwoApprovedPostsOfAChannelAreCloserThanItsMinimum(@ForAll("scenarios") Scenario s) {
    Model model = new Model(s.rules());
    Statistics.label("held too close")
        .collect(run(s).stream().flatMap(List::stream).anyMatch(d -> has(d, ReasonCode.TOO_CLOSE)))
        .coverage(c -> c.check(true).percentage(p -> p > 15));
    for (List<Decision> event : run(s)) {
      event.forEach(model::apply);
      for (Decision a : model.approved()) {
        for (Decision b : model.approved()) {
          if (a != b && a.channelId().equals(b.channelId())) {
            Duration apart = Duration.between(a.scheduledAt(), b.scheduledAt()).abs();
            assertThat(apart)
                .as("%s and %s", a.postId(), b.postId())
                .isGreaterThanOrEqualTo(model.rulesOf(a.channelId()).pacing().minGap());
          }
        }
      }
    }
  }

  @Property(tries = 400)
  void noWeekEverHasMoreApprovedCampaignPostsThanItsCeiling(@ForAll("scenarios") Scenario s) {
    Model model = new Model(s.rules());
    Statistics.label("held at the ceiling")
        .collect(
            run(s).stream()
                .flatMap(List::stream)
                .anyMatch(d -> has(d, ReasonCode.WEEKLY_CAMPAIGN_LIMIT)))
        .coverage(c -> c.check(true).percentage(p -> p > 5));
    for (List<Decision> event : run(s)) {
      event.forEach(model::apply);
      Map<String, Integer> campaignPerWeek = new HashMap<>();
      for (Decision d : model.approved()) {
        if (d.category() == PostCategory.CAMPAIGN) {
          campaignPerWeek.merge(d.channelId() + "@" + d.window().start(), 1, Integer::sum);
        }
      }
      campaignPerWeek.forEach(
          (week, count) -> {
            Pacing pacing = model.rulesOf(week.substring(0, week.indexOf('@'))).pacing();
            if (pacing.hasCeiling()) {
              assertThat(count).as(week).isLessThanOrEqualTo(pacing.maxCampaignPostsPerWeek());
            }
          });
      for (Decision d : event) {
        if (d.status() == DecisionStatus.APPROVED && d.category() == PostCategory.CAMPAIGN) {
          Pacing pacing = model.rulesOf(d.channelId()).pacing();
          assertThat(pacing.ceilingAllowsCampaign(d.window().campaign() - 1))
              .as("the window of %s", d)
              .isTrue();
        }
      }
    }
  }

  /**
   * A TOO_CLOSE hold names an approved post of the channel less than the minimum away; and a held
   * content post never waits needlessly: after every event, each is too close to an approved post
   * or its day is full (content posts wait for nothing else, crises included).
   */
  @Property(tries = 400)
  void heldTooCloseOnlyWhileTooCloseAndReleasedOnceFree(@ForAll("scenarios") Scenario s) {
    Model model = new Model(s.rules());
    for (List<Decision> event : run(s)) {
      for (Decision d : event) {
        if (has(d, ReasonCode.TOO_CLOSE)) {
          assertThat(model.tooClose(d)).as("%s", d).isTrue();
        }
        model.apply(d);
      }
      for (Decision held : model.heldContent()) {
        assertThat(model.tooClose(held) || model.dayIsFull(held))
            .as("%s waits although it is free", held.postId())
            .isTrue();
      }
    }
  }

  @Property(tries = 200)
  void theSameInputGivesTheSameDecisions(@ForAll("scenarios") Scenario s) {
    assertThat(run(s)).isEqualTo(run(s));
  }

  private static boolean has(Decision d, ReasonCode code) {
    return d.reasons().stream().anyMatch(r -> r.code() == code);
  }

  private static List<List<Decision>> run(Scenario scenario) {
    MemoryState state = new MemoryState();
    scenario.rules().forEach(state::withRules);
    Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));
    List<List<Decision>> events = new ArrayList<>();
    for (int i = 0; i < scenario.actions().size(); i++) {
      Instant at = START.plusSeconds(60L * i);
      Action action = scenario.actions().get(i);
      Outcome outcome;
      if (action instanceof DraftPost d) {
        Instant scheduledAt =
            FIRST_MONDAY
                .plusDays(d.day())
                .atStartOfDay()
                .plusMinutes(d.minuteOfDay())
                .toInstant(ZoneOffset.UTC);
        outcome =
            governor.onDrafted(
                new Draft(
                    d.postId(),
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
      } else if (action instanceof Withdraw w) {
        outcome = governor.onWithdrawn("p" + w.post(), null, at, at);
      } else if (action instanceof Report r) {
        outcome = governor.onIncidentReported(BRANCH, "i" + r.incident(), Severity.HIGH);
      } else {
        outcome = governor.onIncidentResolved(BRANCH, "i" + ((Resolve) action).incident(), at);
      }
      state.recordUses(outcome.hashtagUses());
      events.add(outcome.decisions());
    }
    return events;
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ChannelRules> facebook = rules(Platform.FACEBOOK);
    Arbitrary<ChannelRules> x = rules(Platform.X);
    Arbitrary<Integer> minutes =
        Arbitraries.frequencyOf(
            // a busy morning, where posts crowd each other
            Tuple.of(2, Arbitraries.integers().between(54, 72).map(m -> m * 10)),
            Tuple.of(2, Arbitraries.integers().between(0, 143).map(m -> m * 10)),
            // the edges of the day, where weeks meet
            Tuple.of(1, Arbitraries.of(0, 10, 20, 1410, 1420, 1430)));
    Arbitrary<Integer> days =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.integers().between(0, 13)),
            // Sunday and Monday, either side of the weeks' edge
            Tuple.of(2, Arbitraries.of(6, 7)));
    Arbitrary<Action> drafts =
        Combinators.combine(
                Arbitraries.integers().between(0, 29),
                Arbitraries.integers().between(1, 4),
                Arbitraries.frequency(Tuple.of(4, Platform.FACEBOOK), Tuple.of(1, Platform.X)),
                Arbitraries.of(PostCategory.class),
                days,
                minutes)
            .as(DraftPost::new);
    Arbitrary<Action> withdrawals = Arbitraries.integers().between(0, 29).map(Withdraw::new);
    Arbitrary<Action> reports = Arbitraries.integers().between(0, 1).map(Report::new);
    Arbitrary<Action> resolutions = Arbitraries.integers().between(0, 1).map(Resolve::new);
    Arbitrary<Action> actions =
        Arbitraries.frequencyOf(
            Tuple.of(14, drafts),
            Tuple.of(3, withdrawals),
            Tuple.of(1, reports),
            Tuple.of(1, resolutions));
    return Combinators.combine(facebook, x, actions.list().ofMinSize(10).ofMaxSize(80))
        .as((f, xr, list) -> new Scenario(List.of(f, xr), list));
  }

  private static Arbitrary<ChannelRules> rules(Platform platform) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 2),
            Arbitraries.integers().between(2, 6),
            Arbitraries.of(ZoneOffset.UTC, ZoneId.of("America/Chicago")),
            Arbitraries.of(0, 20, 30, 60, 180),
            Arbitraries.of(0, 1, 2, 3))
        .as(
            (ratio, cap, zone, gap, ceiling) ->
                ChannelRules.of(BRANCH, platform, ratio, cap, zone, true)
                    .withPacing(new Pacing(gap, ceiling)));
  }

  /** The latest decision of each post, from the decision stream alone. */
  private static final class Model {
    private final Map<String, ChannelRules> rules = new HashMap<>();
    private final Map<String, Decision> latest = new HashMap<>();

    Model(List<ChannelRules> channelRules) {
      channelRules.forEach(r -> rules.put(r.channelId(), r));
    }

    ChannelRules rulesOf(String channelId) {
      return rules.get(channelId);
    }

    void apply(Decision decision) {
      latest.put(decision.postId(), decision);
    }

    List<Decision> approved() {
      return latest.values().stream().filter(d -> d.status() == DecisionStatus.APPROVED).toList();
    }

    List<Decision> heldContent() {
      return latest.values().stream()
          .filter(d -> d.status() == DecisionStatus.HELD && d.category() == PostCategory.CONTENT)
          .toList();
    }

    boolean tooClose(Decision post) {
      Duration gap = rulesOf(post.channelId()).pacing().minGap();
      return approved().stream()
          .anyMatch(
              a ->
                  a.channelId().equals(post.channelId())
                      && !a.postId().equals(post.postId())
                      && Duration.between(a.scheduledAt(), post.scheduledAt()).abs().compareTo(gap)
                          < 0);
    }

    boolean dayIsFull(Decision post) {
      ChannelRules channel = rulesOf(post.channelId());
      LocalDate day = post.scheduledAt().atZone(channel.zone()).toLocalDate();
      long approvedThatDay =
          approved().stream()
              .filter(
                  a ->
                      a.channelId().equals(post.channelId())
                          && a.scheduledAt().atZone(channel.zone()).toLocalDate().equals(day))
              .count();
      return approvedThatDay >= channel.maxPostsPerDay();
    }
  }
}
