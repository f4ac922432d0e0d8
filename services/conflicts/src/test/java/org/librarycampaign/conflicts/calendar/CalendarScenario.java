package org.librarycampaign.conflicts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * A set of post drafts and milestone revisions (any order gives the same final state: each id has
 * distinct revisions and keeps its branch or scope), plus withdrawals that come after every draft;
 * and what should be open once all of it has been read.
 */
public record CalendarScenario(List<Object> updates, List<String> withdrawals) {

  private static final Instant BASE = Instant.parse("2026-12-01T00:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(30);

  /** Slots of {@link #STEP} times can fall on: two days, shorter than an amplify lead. */
  private static final int SLOTS = 96;

  private static final List<String> BRANCHES = List.of("east", "west", "north");
  private static final List<String> SCOPES = List.of("east", "west", "*");

  /** A post and milestone pair that conflicts, or a milestone and branch with a gap. */
  public record Pair(String first, String second) implements Comparable<Pair> {
    @Override
    public int compareTo(Pair other) {
      return Comparator.comparing(Pair::first).thenComparing(Pair::second).compare(this, other);
    }
  }

  public static Arbitrary<CalendarScenario> scenarios() {
    Arbitrary<List<Post>> posts =
        Arbitraries.integers()
            .between(2, 10)
            .withDistribution(RandomDistribution.uniform())
            .flatMap(
                count ->
                    Combinators.combine(
                            Arbitraries.integers().between(0, 8).list().ofSize(count),
                            postRevisions().list().ofSize(count))
                        .as(CalendarScenario::posts));
    Arbitrary<List<Milestone>> milestones =
        Arbitraries.integers()
            .between(1, 5)
            .withDistribution(RandomDistribution.uniform())
            .flatMap(
                count ->
                    Combinators.combine(
                            Arbitraries.of(SCOPES).list().ofSize(count),
                            milestoneRevisions().list().ofSize(count))
                        .as(CalendarScenario::milestones));
    Arbitrary<Integer> mask = Arbitraries.integers().between(0, 255);
    // a post is withdrawn with a chance of one in four
    Arbitrary<Integer> withdrawn = Combinators.combine(mask, mask).as((a, b) -> a & b);
    return Combinators.combine(posts, milestones, withdrawn)
        .as(
            (postList, milestoneList, withdrawMask) -> {
              List<Object> updates = new ArrayList<>(postList);
              updates.addAll(milestoneList);
              List<String> ids = postList.stream().map(Post::postId).distinct().sorted().toList();
              List<String> withdrawals = new ArrayList<>();
              for (int i = 0; i < ids.size(); i++) {
                if ((withdrawMask & (1 << i)) != 0) {
                  withdrawals.add(ids.get(i));
                }
              }
              return new CalendarScenario(updates, withdrawals);
            });
  }

  /** The updates in another order, then the withdrawals in another order. */
  public Arbitrary<List<Object>> orders() {
    return Combinators.combine(Arbitraries.shuffle(updates), Arbitraries.shuffle(withdrawals))
        .as(
            (shuffled, withdrawn) -> {
              List<Object> all = new ArrayList<>(shuffled);
              all.addAll(withdrawn);
              return all;
            });
  }

  /** The conflicts the final state holds: (postId, milestoneId). */
  public Set<Pair> expectedConflicts() {
    Set<Pair> expected = new TreeSet<>();
    for (Post post : livePosts()) {
      for (Milestone milestone : finalMilestones()) {
        if (milestone.appliesTo(post.branchId()) && milestone.holds(post.scheduledAt())) {
          expected.add(new Pair(post.postId(), milestone.milestoneId()));
        }
      }
    }
    return expected;
  }

  /** The amplify gaps the final state holds: (milestoneId, branchId). */
  public Set<Pair> expectedGaps() {
    Set<String> branches =
        updates.stream()
            .filter(Post.class::isInstance)
            .map(u -> ((Post) u).branchId())
            .collect(Collectors.toCollection(TreeSet::new));
    Set<Pair> expected = new TreeSet<>();
    for (Milestone milestone : finalMilestones()) {
      for (String branch : branches) {
        if (!milestone.amplifies() || !milestone.appliesTo(branch)) {
          continue;
        }
        Instant from = milestone.startsAt().minus(ConflictCalendar.AMPLIFY_LEAD);
        boolean amplified =
            livePosts().stream()
                .anyMatch(
                    post ->
                        post.branchId().equals(branch)
                            && post.campaign()
                            && milestone.amplifiedBy(post.campaignId())
                            && !post.scheduledAt().isBefore(from)
                            && post.scheduledAt().isBefore(milestone.startsAt()));
        if (!amplified) {
          expected.add(new Pair(milestone.milestoneId(), branch));
        }
      }
    }
    return expected;
  }

  private List<Post> livePosts() {
    return latest(Post.class, Post::postId, Post::revision).stream()
        .filter(post -> !withdrawals.contains(post.postId()))
        .toList();
  }

  private List<Milestone> finalMilestones() {
    return latest(Milestone.class, Milestone::milestoneId, Milestone::revision);
  }

  private <T> List<T> latest(Class<T> type, Function<T, String> id, Function<T, Integer> revision) {
    Map<String, T> latest = new LinkedHashMap<>();
    for (Object update : updates) {
      if (type.isInstance(update)) {
        T item = type.cast(update);
        latest.merge(
            id.apply(item), item, (a, b) -> revision.apply(a) >= revision.apply(b) ? a : b);
      }
    }
    return new ArrayList<>(latest.values());
  }

  // generators

  /** One revision's fields; the id, branch and revision number come from its position. */
  private record PostRevision(int slot, boolean campaign, String campaignId) {}

  private record MilestoneRevision(
      Stance stance, String campaignId, int slot, int length, int buffer, boolean cancelled) {}

  private static Arbitrary<List<PostRevision>> postRevisions() {
    return Combinators.combine(
            Arbitraries.integers().between(0, SLOTS).withDistribution(RandomDistribution.uniform()),
            Arbitraries.of(true, false),
            Arbitraries.of("budget", "levy").injectNull(0.2))
        .as(PostRevision::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  private static Arbitrary<List<MilestoneRevision>> milestoneRevisions() {
    return Combinators.combine(
            Arbitraries.of(
                Stance.AVOID, Stance.AVOID, Stance.AMPLIFY, Stance.AMPLIFY, Stance.NEUTRAL),
            Arbitraries.of("budget", "levy").injectNull(0.3),
            Arbitraries.integers().between(0, SLOTS).withDistribution(RandomDistribution.uniform()),
            Arbitraries.integers().between(2, 32).withDistribution(RandomDistribution.uniform()),
            Arbitraries.of(0, 30, 120),
            Arbitraries.of(false, false, false, false, false, true))
        .as(MilestoneRevision::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  private static List<Post> posts(List<Integer> branchPicks, List<List<PostRevision>> revisions) {
    List<Post> posts = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      String branch = BRANCHES.get(branchPicks.get(i) % BRANCHES.size());
      List<PostRevision> ofPost = revisions.get(i);
      for (int r = 0; r < ofPost.size(); r++) {
        PostRevision revision = ofPost.get(r);
        posts.add(
            Post.drafted(
                "p" + i,
                r + 1,
                branch,
                "FACEBOOK",
                revision.campaign(),
                revision.campaign() ? revision.campaignId() : null,
                BASE.plus(STEP.multipliedBy(revision.slot()))));
      }
    }
    return posts;
  }

  private static List<Milestone> milestones(
      List<String> scopes, List<List<MilestoneRevision>> revisions) {
    List<Milestone> milestones = new ArrayList<>();
    for (int i = 0; i < revisions.size(); i++) {
      List<MilestoneRevision> ofMilestone = revisions.get(i);
      for (int r = 0; r < ofMilestone.size(); r++) {
        MilestoneRevision revision = ofMilestone.get(r);
        Instant start = BASE.plus(STEP.multipliedBy(revision.slot()));
        milestones.add(
            new Milestone(
                "m" + i,
                r + 1,
                scopes.get(i),
                revision.stance(),
                revision.campaignId(),
                "Milestone " + i,
                start,
                start.plus(STEP.multipliedBy(revision.length())),
                Duration.ofMinutes(revision.buffer()),
                revision.cancelled()));
      }
    }
    return milestones;
  }
}
