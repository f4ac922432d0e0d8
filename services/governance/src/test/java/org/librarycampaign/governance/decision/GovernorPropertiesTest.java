package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import net.jqwik.api.statistics.Statistics;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * The properties of issue 3, over random event sequences of two branches on two platforms each,
 * with random channel policies (ratio, cap, zone), revisions, withdrawals and crises. The decisions
 * are checked against a model that only reads the decision stream.
 */
class GovernorPropertiesTest {

  private static final List<String> BRANCHES = List.of("east", "west");
  private static final List<Platform> PLATFORMS = List.of(Platform.FACEBOOK, Platform.X);
  private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 30);

  /** One input event. */
  sealed interface Action {}

  record DraftPost(
      String branchId,
      int post,
      int revision,
      Platform platform,
      PostCategory category,
      int day,
      int hour,
      boolean tooLong)
      implements Action {
    String postId() {
      return branchId + "-p" + post;
    }
  }

  record Withdraw(String branchId, int post) implements Action {}

  record Report(String branchId, int incident, Severity severity) implements Action {}

  record Resolve(String branchId, int incident) implements Action {}

  record Scenario(List<ChannelRules> rules, List<Action> actions) {}

  @Property(tries = 400)
  void atEveryCampaignApprovalOrReleaseTheWindowSatisfiesTheRatio(
      @ForAll("scenarios") Scenario scenario) {
    for (List<Decision> event : run(scenario, newGovernor(scenario))) {
      for (Decision decision : event) {
        if (decision.status() == DecisionStatus.APPROVED
            && decision.category() == PostCategory.CAMPAIGN) {
          assertThat(decision.window().campaign())
              .as("%s", decision)
              .isLessThanOrEqualTo(decision.window().allowedCampaign());
        }
      }
    }
  }

  @Property(tries = 400)
  void noDayEverExceedsItsCap(@ForAll("scenarios") Scenario scenario) {
    Model model = new Model(scenario.rules());
    for (List<Decision> event : run(scenario, newGovernor(scenario))) {
      event.forEach(model::apply);
      model
          .approvedPerDay()
          .forEach(
              (channelDay, count) ->
                  assertThat(count)
                      .as("approved on %s", channelDay)
                      .isLessThanOrEqualTo(model.cap(channelDay.channelId())));
    }
  }

  @Property(tries = 400)
  void releasesComeOutOldestFirst(@ForAll("scenarios") Scenario scenario) {
    Model model = new Model(scenario.rules());
    List<List<Decision>> events = run(scenario, newGovernor(scenario));
    Statistics.label("releases")
        .collect(flatten(events).stream().anyMatch(Decision::released))
        .coverage(c -> c.check(true).percentage(p -> p > 20));
    Statistics.label("crisis releases")
        .collect(
            java.util.stream.IntStream.range(0, events.size())
                .anyMatch(
                    i -> scenario.actions().get(i) instanceof Resolve && !events.get(i).isEmpty()))
        .coverage(c -> c.check(true).percentage(p -> p > 3));
    for (int i = 0; i < events.size(); i++) {
      List<Decision> event = events.get(i);
      Map<String, List<String>> queuesBefore = model.queueCopy();
      event.forEach(model::apply);
      Map<String, List<Decision>> releasedByWindow = new LinkedHashMap<>();
      for (Decision decision : event) {
        if (decision.released()) {
          releasedByWindow
              .computeIfAbsent(Model.windowId(decision), w -> new ArrayList<>())
              .add(decision);
        }
      }
      releasedByWindow.forEach(
          (window, released) -> {
            List<String> queue = queuesBefore.getOrDefault(window, List.of());
            List<Integer> positions =
                released.stream().map(d -> queue.indexOf(d.postId())).toList();
            assertThat(positions)
                .as("positions in %s of %s", window, queue)
                .isSorted()
                .doesNotContain(-1);
            int newest = positions.get(positions.size() - 1);
            for (String olderStillHeld : queue.subList(0, newest)) {
              if (model.isHeld(olderStillHeld)) {
                assertThat(model.dayIsFull(olderStillHeld))
                    .as(
                        "%s was passed over in %s although its day had room",
                        olderStillHeld, window)
                    .isTrue();
              }
            }
          });
      if (scenario.actions().get(i) instanceof Resolve) {
        List<Instant> starts =
            event.stream().filter(Decision::released).map(d -> d.window().start()).toList();
        assertThat(starts).as("windows released oldest first").isSorted();
      }
    }
  }

  @Property(tries = 300)
  void feedingTheSameInputTwiceAddsNoOutput(@ForAll("scenarios") Scenario scenario) {
    Subject once = newGovernor(scenario);
    List<Decision> first = flatten(run(scenario, once));

    List<Decision> replayed = flatten(run(scenario, once));

    assertThat(replayed).isEmpty();
    Scenario doubled =
        new Scenario(
            scenario.rules(),
            scenario.actions().stream().flatMap(a -> java.util.stream.Stream.of(a, a)).toList());
    assertThat(flatten(runTwiceEach(doubled, newGovernor(scenario)))).isEqualTo(first);
  }

  private static List<Decision> flatten(List<List<Decision>> events) {
    return events.stream().flatMap(List::stream).toList();
  }

  /** A governor over its own in-memory state, whose hashtag view takes every use at once. */
  private static final class Subject {
    private final MemoryState state = new MemoryState();
    private final Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));

    Subject(Scenario scenario) {
      scenario.rules().forEach(state::withRules);
    }

    List<Decision> apply(Action action, Instant at) {
      Outcome outcome;
      if (action instanceof DraftPost d) {
        String text = d.tooLong() ? "x".repeat(300) : "Sign the petition https://example.org #Fund";
        Instant scheduledAt =
            FIRST_MONDAY.plusDays(d.day()).atTime(d.hour(), 0).toInstant(ZoneOffset.UTC);
        outcome =
            governor.onDrafted(
                new Draft(
                    d.postId(),
                    d.revision(),
                    d.branchId(),
                    d.platform(),
                    d.category(),
                    d.category() == PostCategory.CAMPAIGN ? "budget" : null,
                    text,
                    List.of(),
                    List.of("@Mayor"),
                    List.of(),
                    1,
                    scheduledAt,
                    at),
                at);
      } else if (action instanceof Withdraw w) {
        outcome = governor.onWithdrawn(w.branchId() + "-p" + w.post(), "changed plans", at, at);
      } else if (action instanceof Report r) {
        outcome =
            governor.onIncidentReported(
                r.branchId(), r.branchId() + "-i" + r.incident(), r.severity());
      } else {
        Resolve r = (Resolve) action;
        outcome = governor.onIncidentResolved(r.branchId(), r.branchId() + "-i" + r.incident(), at);
      }
      state.recordUses(outcome.hashtagUses());
      return outcome.decisions();
    }
  }

  private static Subject newGovernor(Scenario scenario) {
    return new Subject(scenario);
  }

  /** The decisions of each event, in order; each event at its own minute. */
  private static List<List<Decision>> run(Scenario scenario, Subject governor) {
    List<List<Decision>> events = new ArrayList<>();
    for (int i = 0; i < scenario.actions().size(); i++) {
      events.add(governor.apply(scenario.actions().get(i), START.plusSeconds(60L * i)));
    }
    return events;
  }

  /** Each action of a doubled scenario at the time of the original. */
  private static List<List<Decision>> runTwiceEach(Scenario doubled, Subject governor) {
    List<List<Decision>> events = new ArrayList<>();
    for (int i = 0; i < doubled.actions().size(); i++) {
      events.add(governor.apply(doubled.actions().get(i), START.plusSeconds(60L * (i / 2))));
    }
    return events;
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<ChannelRules> anyRules =
        Combinators.combine(
                Arbitraries.of(BRANCHES),
                Arbitraries.of(PLATFORMS),
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 4),
                Arbitraries.of(ZoneOffset.UTC, ZoneId.of("America/Chicago")),
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(9, true), net.jqwik.api.Tuple.of(1, false)))
            .as(
                (b, p, ratio, cap, zone, political) ->
                    ChannelRules.of(b, p, ratio, cap, zone, political));
    Arbitrary<List<ChannelRules>> rules = anyRules.list().ofMinSize(2).ofMaxSize(4);
    Arbitrary<Action> drafts =
        Combinators.combine(
                Arbitraries.of(BRANCHES),
                Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(1, 4),
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(4, Platform.FACEBOOK),
                    net.jqwik.api.Tuple.of(1, Platform.X)),
                Arbitraries.of(PostCategory.class),
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 6)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(7, 13))),
                Arbitraries.integers().between(0, 23),
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(19, false), net.jqwik.api.Tuple.of(1, true)))
            .as(DraftPost::new);
    Arbitrary<Action> withdrawals =
        Combinators.combine(Arbitraries.of(BRANCHES), Arbitraries.integers().between(0, 15))
            .as(Withdraw::new);
    Arbitrary<Action> reports =
        Combinators.combine(
                Arbitraries.of(BRANCHES),
                Arbitraries.integers().between(0, 1),
                Arbitraries.frequency(
                    net.jqwik.api.Tuple.of(1, Severity.LOW),
                    net.jqwik.api.Tuple.of(1, Severity.MEDIUM),
                    net.jqwik.api.Tuple.of(3, Severity.HIGH),
                    net.jqwik.api.Tuple.of(2, Severity.CRITICAL)))
            .as(Report::new);
    Arbitrary<Action> resolutions =
        Combinators.combine(Arbitraries.of(BRANCHES), Arbitraries.integers().between(0, 1))
            .as(Resolve::new);
    Arbitrary<Action> actions =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(14, drafts),
            net.jqwik.api.Tuple.of(2, withdrawals),
            net.jqwik.api.Tuple.of(2, reports),
            net.jqwik.api.Tuple.of(2, resolutions));
    Arbitrary<Scenario> anything =
        Combinators.combine(rules, actions.list().ofMinSize(10).ofMaxSize(80)).as(Scenario::new);
    Arbitrary<Scenario> throughACrisis =
        Combinators.combine(
                rules, actions.list().ofMinSize(10).ofMaxSize(60), Arbitraries.of(BRANCHES))
            .as(
                (r, during, branch) -> {
                  List<Action> framed = new ArrayList<>();
                  framed.add(new Report(branch, 0, Severity.HIGH));
                  framed.addAll(during);
                  framed.add(new Resolve(branch, 1));
                  framed.add(new Resolve(branch, 0));
                  return new Scenario(r, framed);
                });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, anything), net.jqwik.api.Tuple.of(1, throughACrisis));
  }

  /** What the decision stream says: the latest decision of each post, and the held queues. */
  private static final class Model {
    private final Map<String, ChannelRules> rules = new HashMap<>();
    private final Map<String, Decision> latest = new HashMap<>();
    private final Map<String, List<String>> queues = new HashMap<>();

    record ChannelDay(String channelId, LocalDate day) {}

    Model(List<ChannelRules> channelRules) {
      channelRules.forEach(r -> rules.put(r.channelId(), r));
    }

    static String windowId(Decision decision) {
      return decision.channelId() + "@" + decision.window().start();
    }

    private ChannelRules rulesOf(String channelId) {
      ChannelRules known = rules.get(channelId);
      if (known != null) {
        return known;
      }
      int slash = channelId.lastIndexOf('/');
      return ChannelRules.defaults(
          channelId.substring(0, slash), Platform.valueOf(channelId.substring(slash + 1)));
    }

    int cap(String channelId) {
      return rulesOf(channelId).maxPostsPerDay();
    }

    void apply(Decision decision) {
      latest.put(decision.postId(), decision);
      queues.values().forEach(q -> q.remove(decision.postId()));
      if (decision.status() == DecisionStatus.HELD) {
        queues.computeIfAbsent(windowId(decision), w -> new ArrayList<>()).add(decision.postId());
      }
    }

    Map<String, List<String>> queueCopy() {
      Map<String, List<String>> copy = new HashMap<>();
      queues.forEach((w, q) -> copy.put(w, List.copyOf(q)));
      return copy;
    }

    boolean isHeld(String postId) {
      Decision decision = latest.get(postId);
      return decision != null && decision.status() == DecisionStatus.HELD;
    }

    private ChannelDay dayOf(Decision decision) {
      ZoneId zone = rulesOf(decision.channelId()).zone();
      return new ChannelDay(
          decision.channelId(), decision.scheduledAt().atZone(zone).toLocalDate());
    }

    Map<ChannelDay, Integer> approvedPerDay() {
      Map<ChannelDay, Integer> counts = new HashMap<>();
      latest.values().stream()
          .filter(d -> d.status() == DecisionStatus.APPROVED)
          .forEach(d -> counts.merge(dayOf(d), 1, Integer::sum));
      return counts;
    }

    boolean dayIsFull(String postId) {
      Decision decision = latest.get(postId);
      ChannelDay day = dayOf(decision);
      return approvedPerDay().getOrDefault(day, 0) >= cap(day.channelId());
    }
  }
}
