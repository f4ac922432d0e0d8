package org.librarycampaign.bench.jmh;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import org.librarycampaign.channelrules.ChannelRules;
import org.librarycampaign.channelrules.Pacing;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.Spacing;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.crisis.BranchCrises;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.GovernanceState;
import org.librarycampaign.governance.decision.Governor;
import org.librarycampaign.governance.decision.HoldExpiries;
import org.librarycampaign.governance.decision.Outcome;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.rules.PostContext;
import org.librarycampaign.governance.rules.PostRules;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Governance deciding one draft against a channel's week that already has {@code posts} posts
 * decided, without Kafka: what {@code GovernanceProcessor} asks of the {@link Governor} per
 * PostDrafted, minus the stores' reads, writes and codecs.
 *
 * <ul>
 *   <li>{@code rules}: the rule list alone ({@link PostChecks#check}, the standard {@link
 *       PostRules}) on the context the Governor builds: the draft's tag uses, the week, the
 *       channel's spacing;
 *   <li>{@code decide}: {@link Governor#onDrafted}, the rules plus the books (the draft's place in
 *       its week, the held queue walked after an approval, the post record, the decision with its
 *       window counts), over a {@link GovernanceState} in memory.
 * </ul>
 *
 * <p>The week (eastside on Mastodon, a policy with a daily cap, 5 minutes between posts, 3 content
 * posts per campaign post): 90 % of the posts approved (three content to one campaign post, the
 * ratio used up), the rest campaign posts held by the ratio; approved posts spread over the seven
 * days, Monday at the cap, the cap set so that the week is as full as the policy allows. The draft
 * ({@code scenario}) is a content post that fits ({@code fits}: APPROVED, then the held queue is
 * walked), a campaign post over the ratio ({@code ratio}: HELD, RATIO_LIMIT counts the queue
 * ahead), a content post 2 minutes from an approved one ({@code tooClose}: HELD, TOO_CLOSE finds
 * the nearest free time) or a content post on the full Monday ({@code dayFull}: REJECTED,
 * DAILY_LIMIT names the next day with room). Every draft carries a tag another branch used first
 * (HASHTAG_USED_BEFORE).
 *
 * <p>The state in memory drops every write, so each call decides the same draft against the same
 * week; each read of a week gives a fresh copy, as a store's read decodes one (decoding itself is
 * {@link GovernanceStateBenchmark}'s).
 *
 * <p>On a shared, loaded machine the average time mostly counts the time the thread waited for a
 * core; run these with {@code -bm sample} and read the median (p0.50), which stays close to the
 * operation's own cost (AvroSerdeBenchmark's median there matches its average on a quieter one).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GovernanceRulesBenchmark {

  private static final String BRANCH = "eastside";
  private static final Platform PLATFORM = Platform.MASTODON;
  private static final String CAMPAIGN = "budget-2027";
  private static final ZoneOffset ZONE = ZoneOffset.UTC;
  private static final int MIN_MINUTES_BETWEEN_POSTS = 5;
  private static final LocalDate MONDAY = LocalDate.parse("2027-03-01");
  private static final Instant DRAFTED_AT = Instant.parse("2027-02-20T10:00:00Z");
  private static final String CONTENT_TEXT =
      "Family story time is back Tuesday at 10! Bring the little ones and a favourite book.";
  private static final String CAMPAIGN_TEXT =
      "Speak up for your library at the budget hearing! Tell the county why it matters.";

  /** Posts already decided in the draft's week. */
  @Param({"10", "100", "1000"})
  public int posts;

  /** Which draft is decided (see the class comment). */
  @Param({"fits", "ratio", "tooClose", "dayFull"})
  public String scenario;

  private PostChecks checks;
  private WeekState state;
  private Governor governor;
  private Draft draft;

  @Setup
  public void setUp() {
    int approved = 4 * (posts * 9 / 10 / 4);
    int held = posts - approved;
    int cap = (approved + 6) / 7;
    long interval = 1380 / cap;
    ChannelRules channel =
        ChannelRules.of(BRANCH, PLATFORM, 3, cap, ZONE, true)
            .withPacing(Pacing.of(MIN_MINUTES_BETWEEN_POSTS, null));
    WindowKey week = WindowKey.of(BRANCH, PLATFORM, MONDAY);

    Map<LocalDate, Integer> perDay = new TreeMap<>();
    List<BalanceLedger.Spaced> spaced = new ArrayList<>();
    int content = 0;
    int campaign = 0;
    for (int j = 0; j < approved; j++) {
      LocalDate day = MONDAY.plusDays(j % 7);
      perDay.merge(day, 1, Integer::sum);
      spaced.add(new BalanceLedger.Spaced("ap-" + j, slot(day, interval, j / 7)));
      if (j % 4 == 3) {
        campaign++;
      } else {
        content++;
      }
    }
    List<BalanceLedger.Held> queue = new ArrayList<>();
    Map<String, PostRecord> records = new HashMap<>();
    for (int h = 0; h < held; h++) {
      LocalDate day = MONDAY.plusDays(h % 7);
      String id = "held-" + h;
      Instant at = slot(day, interval, h / 7).plus(Duration.ofMinutes(interval).dividedBy(2));
      queue.add(new BalanceLedger.Held(id, day));
      records.put(
          id,
          new PostRecord(
              id,
              1,
              BRANCH,
              PLATFORM,
              PostCategory.CAMPAIGN,
              CAMPAIGN,
              at,
              DRAFTED_AT.minus(Duration.ofDays(1)),
              week,
              day,
              DecisionStatus.HELD,
              false,
              List.of()));
    }
    BalanceLedger ledger = new BalanceLedger(week, content, campaign, perDay, queue, spaced);
    HashtagUse firstUse =
        new HashtagUse(
            "#StoryTime", "westside", null, "westside-1", DRAFTED_AT.minus(Duration.ofDays(60)));
    state =
        new WeekState(
            channel, Map.of(week, ledger), records, Map.of(firstUse.normalizedHashtag(), firstUse));
    checks = new PostChecks(CallToAction.defaults());
    governor = new Governor(state, checks, NO_EXPIRIES);

    LocalDate sunday = MONDAY.plusDays(6);
    Instant betweenSundayPosts =
        slot(sunday, interval, 0).plus(Duration.ofMinutes(interval).dividedBy(2));
    draft =
        switch (scenario) {
          case "fits" -> draft(PostCategory.CONTENT, betweenSundayPosts);
          case "ratio" -> draft(PostCategory.CAMPAIGN, betweenSundayPosts);
          case "tooClose" ->
              draft(PostCategory.CONTENT, slot(sunday, interval, 0).plus(Duration.ofMinutes(2)));
          case "dayFull" -> draft(PostCategory.CONTENT, MONDAY.atTime(23, 50).toInstant(ZONE));
          default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
    DecisionStatus expected =
        switch (scenario) {
          case "fits" -> DecisionStatus.APPROVED;
          case "ratio", "tooClose" -> DecisionStatus.HELD;
          default -> DecisionStatus.REJECTED;
        };
    DecisionStatus decided = decide().decisions().get(0).status();
    if (decided != expected || rules().status() != expected) {
      throw new IllegalStateException(
          scenario + " with " + posts + " posts decided " + decided + ", not " + expected);
    }
  }

  /** Slot {@code n} of a day: 00:30 local, then every {@code interval} minutes. */
  private static Instant slot(LocalDate day, long interval, int n) {
    return day.atTime(0, 30).toInstant(ZONE).plus(Duration.ofMinutes(interval * n));
  }

  private static Draft draft(PostCategory category, Instant scheduledAt) {
    boolean campaign = category == PostCategory.CAMPAIGN;
    return new Draft(
        "jmh-draft",
        1,
        BRANCH,
        PLATFORM,
        category,
        campaign ? CAMPAIGN : null,
        campaign ? CAMPAIGN_TEXT : CONTENT_TEXT,
        List.of("#StoryTime"),
        campaign ? List.of("@CountyExec") : List.of(),
        List.of("https://eastside.library.example.org/events/1"),
        1,
        scheduledAt,
        DRAFTED_AT);
  }

  @Benchmark
  public void rules(Blackhole blackhole) {
    blackhole.consume(rules());
  }

  @Benchmark
  public void decide(Blackhole blackhole) {
    blackhole.consume(decide());
  }

  private Outcome decide() {
    return governor.onDrafted(draft, DRAFTED_AT);
  }

  /** The context {@link Governor#onDrafted} gives the rules, built the same way. */
  private PostRules.Findings rules() {
    ChannelRules channel = state.rules(BRANCH, PLATFORM).shared();
    LocalDate day = WindowKey.dayOf(draft.scheduledAt(), channel.zone());
    BalanceLedger week = state.week(WindowKey.of(BRANCH, PLATFORM, day));
    Map<String, Optional<HashtagUse>> firstUses = new HashMap<>();
    Function<String, Optional<HashtagUse>> firstUse =
        tag -> firstUses.computeIfAbsent(tag, state::firstUse);
    return checks.check(
        new PostContext(
            draft,
            PostChecks.hashtagUses(draft, DRAFTED_AT),
            firstUse,
            state.crises(BRANCH),
            channel,
            day,
            week,
            () -> nextDayWithRoom(day, channel),
            draft.isCampaign() ? state.officials(BRANCH, PLATFORM) : List.of(),
            Map.of(),
            new Spacing(
                d -> state.week(WindowKey.of(BRANCH, PLATFORM, d)),
                channel.zone(),
                channel.pacing().minGap())));
  }

  /** As the Governor finds it: the nearest later day under the cap, a week at a time. */
  private LocalDate nextDayWithRoom(LocalDate day, ChannelRules channel) {
    LocalDate next = day.plusDays(1);
    while (true) {
      BalanceLedger week = state.week(WindowKey.of(BRANCH, PLATFORM, next));
      LocalDate weekEnd = week.key().monday().plusWeeks(1);
      for (; next.isBefore(weekEnd); next = next.plusDays(1)) {
        if (week.approvedOn(next) < channel.maxPostsPerDay()) {
          return next;
        }
      }
    }
  }

  /** A schedule of stale holds that keeps nothing (no expiry is due while a draft is decided). */
  private static final HoldExpiries NO_EXPIRIES =
      new HoldExpiries() {
        @Override
        public void add(Due due) {}

        @Override
        public void remove(Due due) {}

        @Override
        public List<Due> dueBy(Instant now) {
          return List.of();
        }
      };

  /**
   * One channel's books in memory, as governance's stores would hand them over: writes are dropped
   * (so that every call sees the same week), a week is read as a fresh copy.
   */
  static final class WeekState implements GovernanceState {

    private final org.librarycampaign.governance.policy.ChannelRules channel;
    private final Map<WindowKey, BalanceLedger> weeks;
    private final Map<String, PostRecord> posts;
    private final Map<String, HashtagUse> firstUses;

    WeekState(
        ChannelRules channel,
        Map<WindowKey, BalanceLedger> weeks,
        Map<String, PostRecord> posts,
        Map<String, HashtagUse> firstUses) {
      this.channel = new org.librarycampaign.governance.policy.ChannelRules(channel);
      this.weeks = Map.copyOf(weeks);
      this.posts = Map.copyOf(posts);
      this.firstUses = Map.copyOf(firstUses);
    }

    /** The stored week itself, for the rules alone (which only read it). */
    BalanceLedger week(WindowKey key) {
      BalanceLedger week = weeks.get(key);
      return week != null ? week : new BalanceLedger(key);
    }

    @Override
    public Optional<PostRecord> post(String postId) {
      return Optional.ofNullable(posts.get(postId));
    }

    @Override
    public void savePost(PostRecord post) {}

    @Override
    public Optional<BalanceLedger> ledger(WindowKey key) {
      BalanceLedger week = weeks.get(key);
      return week == null
          ? Optional.empty()
          : Optional.of(
              new BalanceLedger(
                  key,
                  week.approvedContent(),
                  week.approvedCampaign(),
                  week.approvedPerDay(),
                  week.held(),
                  week.spaced()));
    }

    @Override
    public void saveLedger(BalanceLedger ledger) {}

    @Override
    public List<BalanceLedger> ledgersWithHeldPosts(String branchId) {
      return List.of();
    }

    @Override
    public BranchCrises crises(String branchId) {
      return new BranchCrises();
    }

    @Override
    public void saveCrises(String branchId, BranchCrises crises) {}

    @Override
    public boolean isResolved(String branchId, String incidentId) {
      return false;
    }

    @Override
    public void markResolved(String branchId, String incidentId, Instant at) {}

    @Override
    public org.librarycampaign.governance.policy.ChannelRules rules(
        String branchId, Platform platform) {
      return channel;
    }

    @Override
    public Optional<HashtagUse> firstUse(String normalizedHashtag) {
      return Optional.ofNullable(firstUses.get(normalizedHashtag));
    }

    @Override
    public Optional<HashtagUse> sentUse(String normalizedHashtag) {
      return Optional.empty();
    }

    @Override
    public void saveSentUse(HashtagUse use) {}
  }
}
