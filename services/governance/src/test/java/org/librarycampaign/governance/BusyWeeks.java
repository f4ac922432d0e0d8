package org.librarycampaign.governance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A realistic, reproducible stream of JSON lines for a library system of five branches on three
 * platforms: channel policies, drafts (content and two campaigns), revisions, withdrawals and
 * crises, one second apart. The same seed gives the same lines.
 *
 * <p>Hashtags come in two kinds, so that the cross-branch warnings do not depend on how fast the
 * first-use view spreads: shared tags, first used in {@link #hashtagSeeds} (before everything
 * else), and tags only ever used by one user (a branch's content, or one campaign).
 */
public final class BusyWeeks {

  public static final List<String> BRANCHES = List.of("north", "south", "east", "west", "central");
  private static final List<String> PLATFORMS = List.of("FACEBOOK", "INSTAGRAM", "X");
  private static final List<String> CAMPAIGNS = List.of("budget-2027", "bond-2027");
  private static final List<String> SHARED_TAGS =
      List.of("#FundOurLibrary", "#LibrariesMatter", "#ReadLocal", "#BondYes", "#StoryTime");
  private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 11, 30);

  private final LocalDate firstMonday;

  private final Random random;
  private final int weeks;
  private Instant clock;
  private final Map<String, Integer> revisions = new LinkedHashMap<>();
  private final List<String> postIds = new ArrayList<>();
  private final Map<String, String> branchOfPost = new HashMap<>();
  private final Map<String, List<String>> openIncidents = new HashMap<>();
  private int posts;
  private int incidents;

  /**
   * @param weeks how many weeks from Mon 30 Nov 2026 the posts are scheduled over: few weeks make
   *     full days (DAILY_LIMIT) common
   */
  public BusyWeeks(long seed, Instant start, int weeks) {
    this(seed, start, weeks, FIRST_MONDAY);
  }

  /**
   * @param firstMonday the first week the posts are scheduled in: a test against the real wall
   *     clock needs it ahead of today, or the held posts whose time has passed expire at once
   *     (README, "Stale holds expire")
   */
  public BusyWeeks(long seed, Instant start, int weeks, LocalDate firstMonday) {
    this.random = new Random(seed);
    this.clock = start;
    this.weeks = weeks;
    this.firstMonday = firstMonday;
  }

  /** Policies of some channels; the others keep the defaults. */
  public static List<String> policies() {
    return List.of(
        Lines.policy("north", "FACEBOOK", 2, 4, "America/Chicago", true),
        Lines.policy("south", "INSTAGRAM", 3, 3, "Europe/London", true),
        Lines.policy("east", "X", 1, 10, null, true),
        Lines.policy("west", "FACEBOOK", null, null, "America/Los_Angeles", false),
        Lines.policy("central", "FACEBOOK", 2, 5, "Asia/Tokyo", true));
  }

  /** The first use of every shared tag, by a mix of campaigns and branches. */
  public List<String> hashtagSeeds() {
    return List.of(
        Lines.campaign(nextPostId("north"))
            .branch("north")
            .hashtags(SHARED_TAGS.get(0))
            .at(scheduled())
            .drafted(tick())
            .line(),
        Lines.content(nextPostId("south"))
            .branch("south")
            .hashtags(SHARED_TAGS.get(1))
            .at(scheduled())
            .drafted(tick())
            .line(),
        Lines.content(nextPostId("east"))
            .branch("east")
            .hashtags(SHARED_TAGS.get(2))
            .at(scheduled())
            .drafted(tick())
            .line(),
        Lines.campaign(nextPostId("central"))
            .branch("central")
            .campaignId("bond-2027")
            .hashtags(SHARED_TAGS.get(3))
            .at(scheduled())
            .drafted(tick())
            .line(),
        Lines.content(nextPostId("west"))
            .branch("west")
            .hashtags(SHARED_TAGS.get(4))
            .at(scheduled())
            .drafted(tick())
            .line());
  }

  /** {@code drafts} new drafts, with revisions, withdrawals and incidents among them. */
  public List<String> drafts(int drafts) {
    List<String> lines = new ArrayList<>();
    int written = 0;
    while (written < drafts) {
      int roll = random.nextInt(100);
      if (roll < 8 && !revisions.isEmpty()) {
        lines.add(revision());
      } else if (roll < 13 && !revisions.isEmpty()) {
        String postId = anyPost();
        lines.add(Lines.withdrawn(postId, branchOfPost.get(postId), "plans changed", tick()));
      } else if (roll < 15) {
        lines.add(report());
      } else if (roll < 18) {
        resolve().ifPresent(lines::add);
      } else {
        lines.add(newDraft());
        written++;
      }
    }
    return lines;
  }

  private String newDraft() {
    String branch = pick(BRANCHES);
    String postId = nextPostId(branch);
    revisions.put(postId, 1);
    postIds.add(postId);
    return draft(postId, branch, 1);
  }

  private String revision() {
    String postId = anyPost();
    int revision = revisions.merge(postId, 1, Integer::sum);
    return draft(postId, branchOfPost.get(postId), revision);
  }

  private String draft(String postId, String branch, int revision) {
    boolean campaign = random.nextInt(100) < 45;
    String platform = pick(PLATFORMS);
    Lines.Post post =
        campaign ? Lines.campaign(postId).campaignId(pick(CAMPAIGNS)) : Lines.content(postId);
    post.branch(branch).platform(platform).revision(revision).at(scheduled()).drafted(tick());
    String ownTag;
    if (campaign) {
      String campaignId = CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size()));
      post.campaignId(campaignId);
      ownTag = "#" + campaignId.replace("-", "");
      if (random.nextInt(10) == 0) {
        post.text("Our library budget is on the agenda");
      }
      if (random.nextInt(6) == 0) {
        post.mentions();
      }
      if (random.nextInt(6) == 0) {
        post.links();
      }
    } else {
      ownTag = "#" + branch + "Reads";
    }
    if (random.nextInt(8) == 0) {
      post.images(0);
    }
    if (platform.equals("X") && random.nextInt(15) == 0) {
      post.text("Long thread ".repeat(25));
    }
    int tags = random.nextInt(3);
    List<String> chosen = new ArrayList<>();
    for (int i = 0; i < tags; i++) {
      chosen.add(random.nextBoolean() ? pick(SHARED_TAGS) : ownTag);
    }
    return post.hashtags(chosen.toArray(String[]::new)).line();
  }

  private String report() {
    String branch = pick(BRANCHES);
    String incidentId = branch + "-i" + ++incidents;
    String severity = pick(List.of("LOW", "MEDIUM", "HIGH", "HIGH", "CRITICAL"));
    openIncidents.computeIfAbsent(branch, b -> new ArrayList<>()).add(incidentId);
    return Lines.reported(incidentId, branch, severity, tick());
  }

  private java.util.Optional<String> resolve() {
    List<String> branches =
        BRANCHES.stream().filter(b -> !openIncidents.getOrDefault(b, List.of()).isEmpty()).toList();
    if (branches.isEmpty()) {
      return java.util.Optional.empty();
    }
    String branch = pick(branches);
    String incidentId = openIncidents.get(branch).remove(0);
    return java.util.Optional.of(Lines.resolved(incidentId, branch, tick()));
  }

  private String nextPostId(String branch) {
    String postId = branch + "-" + ++posts;
    branchOfPost.put(postId, branch);
    return postId;
  }

  private String anyPost() {
    return postIds.get(random.nextInt(postIds.size()));
  }

  private String scheduled() {
    return firstMonday
        .plusDays(random.nextInt(7 * weeks))
        .atTime(7 + random.nextInt(14), 15 * random.nextInt(4))
        .toInstant(ZoneOffset.UTC)
        .toString();
  }

  private String tick() {
    clock = clock.plusSeconds(1);
    return clock.toString();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
