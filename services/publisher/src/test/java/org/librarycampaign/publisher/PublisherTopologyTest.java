package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.publisher.Posts.decision;
import static org.librarycampaign.publisher.Posts.draft;
import static org.librarycampaign.publisher.Posts.drafted;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.BranchSettings;
import library.campaign.events.DeadLetter;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.retry.RetryPolicy;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.publisher.channel.OutboxPublisher;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Publishers;

/** The production topology in TopologyTestDriver with scripted remotes: exact receipts. */
class PublisherTopologyTest {

  static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");
  static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.0);

  @TempDir Path dir;

  private final ScriptedPublisher mastodon = new ScriptedPublisher(PublisherKind.MASTODON);
  private final ScriptedPublisher bluesky = new ScriptedPublisher(PublisherKind.BLUESKY);
  private TopologyHarness harness;

  @BeforeEach
  void start() {
    Publishers publishers =
        new Publishers(
            Map.of("eastside/MASTODON", mastodon, "eastside/BLUESKY", bluesky),
            new OutboxPublisher(dir.resolve("outbox")));
    harness = harness(publishers);
  }

  private TopologyHarness harness(Publishers publishers) {
    return TopologyHarness.startingAt(START)
        .stateDir(dir.resolve("state"))
        .service(
            PublisherService.NAME,
            (config, topics) ->
                PublisherTopology.buildTopology(
                    config,
                    topics,
                    settings(config),
                    publishers,
                    () -> Attempts.inline(publishers)))
        .build();
  }

  static PublisherSettings settings(CampaignConfig config) {
    PublisherSettings defaults = PublisherSettings.from(config);
    return new PublisherSettings(
        RETRY,
        1,
        Duration.ofMillis(200),
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        Map.of(),
        defaults.outboxDirectory());
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private void post(PostDrafted draft) {
    harness.pipe(CampaignTopic.POSTS, "eastside", drafted(draft), draft.getDraftedAt());
  }

  private void decide(PostDrafted draft, DecisionStatus status) {
    harness.pipe(
        CampaignTopic.POST_DECISIONS,
        draft.getPostId(),
        decision(draft, status, false),
        draft.getDraftedAt());
  }

  private List<Publication> publications() {
    return harness.output().stream()
        .filter(o -> o.topic() == CampaignTopic.PUBLICATIONS)
        .map(o -> (Publication) o.value())
        .toList();
  }

  private static Publication.Builder receipt(PostDrafted draft, PublisherKind kind) {
    return Publication.newBuilder()
        .setPostId(draft.getPostId())
        .setRevision(draft.getRevision())
        .setBranchId("eastside")
        .setChannelId("eastside/" + draft.getPlatform())
        .setPublisher(kind)
        .setIdempotencyKey(draft.getPostId() + "/" + draft.getRevision())
        .setScheduledAt(draft.getScheduledAt());
  }

  /** Moves the wall clock to {@code at} (one punctuation there). */
  private void clockTo(Instant at) {
    harness.advance(Duration.between(harness.clock(), at));
  }

  @Test
  void anApprovedPostIsPublishedOnceAtItsTimeAndNotBefore() {
    PostDrafted story = draft("p1", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(story);
    decide(story, DecisionStatus.APPROVED);
    clockTo(AT.minusSeconds(1));
    assertThat(publications()).isEmpty();
    assertThat(mastodon.calls).isEmpty();

    clockTo(AT.plusMillis(100));
    assertThat(publications())
        .containsExactly(
            receipt(story, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setRemoteId("remote-p1/1")
                .setUrl("https://social.example/p1/1")
                .setAt(AT.plusMillis(100))
                .build());

    // the same draft and decision again (a replay), and later times: nothing more
    post(story);
    decide(story, DecisionStatus.APPROVED);
    clockTo(AT.plus(Duration.ofHours(2)));
    assertThat(publications()).isEmpty();
    assertThat(mastodon.calls).containsExactly("p1/1");
  }

  @Test
  void aReleasedPostIsPublished() {
    PostDrafted story = draft("p1", 1, Platform.BLUESKY, PostCategory.CAMPAIGN, AT);
    post(story);
    decide(story, DecisionStatus.HELD);
    harness.pipe(
        CampaignTopic.POST_DECISIONS, "p1", decision(story, DecisionStatus.APPROVED, true), START);
    clockTo(AT);
    assertThat(publications())
        .extracting(Publication::getStatus)
        .containsExactly(PublicationStatus.PUBLISHED);
    assertThat(bluesky.calls).containsExactly("p1/1");
  }

  @Test
  void heldRejectedAndUndecidedPostsAreSkippedWithTheirReason() {
    PostDrafted held = draft("held", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    PostDrafted rejected = draft("rejected", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    PostDrafted undecided = draft("undecided", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(held);
    post(rejected);
    post(undecided);
    decide(held, DecisionStatus.HELD);
    decide(rejected, DecisionStatus.REJECTED);
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(rejected, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason("its decision is REJECTED, not APPROVED, at its time")
                .setAt(AT)
                .build());
    // no decision yet, or HELD (governance expires it at its time): it waits for the decision
    // that stands (governance may be behind), at most max-lateness
    clockTo(AT.plusSeconds(1800));
    assertThat(publications()).isEmpty();
    clockTo(AT.plus(Duration.ofHours(1)).plusSeconds(1));
    assertThat(publications())
        .containsExactly(
            receipt(held, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason(
                    "its decision is still HELD 1 h after its time:"
                        + " governance neither released nor expired it; not published")
                .setAt(AT.plus(Duration.ofHours(1)).plusSeconds(1))
                .build(),
            receipt(undecided, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason(
                    "no decision for revision 1 within 1 h after its time;"
                        + " not published unapproved")
                .setAt(AT.plus(Duration.ofHours(1)).plusSeconds(1))
                .build());
    assertThat(mastodon.calls).isEmpty();
  }

  /**
   * Governance expires a post still held at its time (services/governance/README.md, "Stale holds
   * expire"): EXPIRED is never published, whether it arrives before the instant or while the
   * publisher still waits for a decision. A post HELD at its time waits for governance's last word
   * and is SKIPPED with the reason EXPIRED, the same whether the expiry arrives before or after the
   * instant (what {@code campaign plan} shows).
   */
  @Test
  void anExpiredPostIsNeverPublished() {
    PostDrafted expired = draft("expired", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    PostDrafted late = draft("late", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    PostDrafted held = draft("held", 1, Platform.BLUESKY, PostCategory.CAMPAIGN, AT);
    post(expired);
    post(late);
    post(held);
    decide(expired, DecisionStatus.HELD);
    decide(held, DecisionStatus.HELD);
    harness.pipe(
        CampaignTopic.POST_DECISIONS,
        "expired",
        decision(expired, DecisionStatus.EXPIRED, false),
        AT);
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(expired, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason("its decision is EXPIRED, not APPROVED, at its time")
                .setAt(AT)
                .build());

    clockTo(AT.plusSeconds(2));
    harness.pipe(
        CampaignTopic.POST_DECISIONS, "late", decision(late, DecisionStatus.EXPIRED, false), AT);
    harness.pipe(
        CampaignTopic.POST_DECISIONS, "held", decision(held, DecisionStatus.EXPIRED, false), AT);
    clockTo(AT.plus(Duration.ofHours(2)));
    assertThat(publications())
        .containsExactly(
            receipt(late, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason("its decision is EXPIRED, not APPROVED, at its time")
                .setAt(AT.plusSeconds(2))
                .build(),
            receipt(held, PublisherKind.BLUESKY)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason("its decision is EXPIRED, not APPROVED, at its time")
                .setAt(AT.plusSeconds(2))
                .build());
    assertThat(mastodon.calls).isEmpty();
    assertThat(bluesky.calls).isEmpty();
  }

  @Test
  void aWithdrawalBeforeTheInstantStopsIt() {
    PostDrafted story = draft("p1", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(story);
    decide(story, DecisionStatus.APPROVED);
    Instant withdrawnAt = AT.minusSeconds(60);
    harness.pipe(
        CampaignTopic.POSTS,
        "eastside",
        Posts.withdrawn("p1", Platform.MASTODON, withdrawnAt),
        withdrawnAt);
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(story, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason("withdrawn by the branch 1 min before its time")
                .setAt(AT)
                .build());
    assertThat(mastodon.calls).isEmpty();
  }

  @Test
  void aCrisisAtTheInstantPausesCampaignPostsNotContentOnesAndItsEndLetsLaterOnesThrough() {
    PostDrafted campaign = draft("camp", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    PostDrafted content = draft("story", 1, Platform.BLUESKY, PostCategory.CONTENT, AT);
    PostDrafted later =
        draft("camp-later", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT.plusSeconds(3600));
    for (PostDrafted draft : List.of(campaign, content, later)) {
      post(draft);
      decide(draft, DecisionStatus.APPROVED);
    }
    Instant reportedAt = AT.minusSeconds(600);
    harness.pipe(
        CampaignTopic.INCIDENTS,
        "eastside",
        Posts.reported("challenge-42", Severity.HIGH, reportedAt),
        reportedAt);
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(campaign, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason(
                    "paused: eastside is in a crisis (challenge-42) at its time; campaign posts"
                        + " are not published")
                .setAt(AT)
                .build(),
            receipt(content, PublisherKind.BLUESKY)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setRemoteId("remote-story/1")
                .setUrl("https://social.example/story/1")
                .setAt(AT)
                .build());

    harness.pipe(
        CampaignTopic.INCIDENTS,
        "eastside",
        Posts.resolved("challenge-42", AT.plusSeconds(60)),
        AT.plusSeconds(60));
    clockTo(AT.plusSeconds(3600));
    assertThat(publications())
        .extracting(Publication::getPostId, Publication::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("camp-later", PublicationStatus.PUBLISHED));
    assertThat(mastodon.calls).containsExactly("camp-later/1");
  }

  @Test
  void aMediumIncidentPausesNothing() {
    PostDrafted campaign = draft("camp", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    post(campaign);
    decide(campaign, DecisionStatus.APPROVED);
    harness.pipe(
        CampaignTopic.INCIDENTS, "eastside", Posts.reported("i-7", Severity.MEDIUM, START), START);
    clockTo(AT);
    assertThat(publications())
        .extracting(Publication::getStatus)
        .containsExactly(PublicationStatus.PUBLISHED);
  }

  @Test
  void aNewRevisionReplacesTheOldOneAndIsPublishedAtItsOwnTime() {
    PostDrafted first = draft("p1", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    PostDrafted second =
        draft("p1", 2, Platform.MASTODON, PostCategory.CONTENT, AT.plusSeconds(1800));
    post(first);
    decide(first, DecisionStatus.APPROVED);
    post(second);
    decide(second, DecisionStatus.APPROVED);
    clockTo(AT.plusSeconds(60));
    assertThat(publications()).isEmpty();
    clockTo(AT.plusSeconds(1800));
    assertThat(publications())
        .containsExactly(
            receipt(second, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setRemoteId("remote-p1/2")
                .setUrl("https://social.example/p1/2")
                .setAt(AT.plusSeconds(1800))
                .build());
    assertThat(mastodon.calls).containsExactly("p1/2");
  }

  @Test
  void aTransientFailureIsRetriedWithBackoffAndAPermanentOneFailsAtOnce() {
    mastodon
        .then(new PublishOutcome.Failed(false, "HTTP 503"))
        .then(new PublishOutcome.Failed(false, "timed out after 5000 ms"));
    bluesky.then(new PublishOutcome.Failed(true, "createRecord: HTTP 400 InvalidRequest"));
    PostDrafted toot = draft("toot", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    PostDrafted skeet = draft("skeet", 1, Platform.BLUESKY, PostCategory.CONTENT, AT);
    for (PostDrafted draft : List.of(toot, skeet)) {
      post(draft);
      decide(draft, DecisionStatus.APPROVED);
    }
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(skeet, PublisherKind.BLUESKY)
                .setStatus(PublicationStatus.FAILED)
                .setAttempt(1)
                .setReason("permanent failure: createRecord: HTTP 400 InvalidRequest")
                .setAt(AT)
                .build(),
            receipt(toot, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.RETRYING)
                .setAttempt(1)
                .setNextAttemptAt(AT.plusSeconds(10))
                .setReason("HTTP 503")
                .setAt(AT)
                .build());
    clockTo(AT.plusSeconds(10));
    assertThat(publications())
        .containsExactly(
            receipt(toot, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.RETRYING)
                .setAttempt(2)
                .setNextAttemptAt(AT.plusSeconds(30))
                .setReason("timed out after 5000 ms")
                .setAt(AT.plusSeconds(10))
                .build());
    clockTo(AT.plusSeconds(30));
    assertThat(publications())
        .containsExactly(
            receipt(toot, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(3)
                .setRemoteId("remote-toot/1")
                .setUrl("https://social.example/toot/1")
                .setAt(AT.plusSeconds(30))
                .build());
    assertThat(mastodon.calls).containsExactly("toot/1", "toot/1", "toot/1");
    assertThat(bluesky.calls).containsExactly("skeet/1");
  }

  @Test
  void aWithdrawalBetweenRetriesStopsTheNextAttempt() {
    mastodon.then(new PublishOutcome.Failed(false, "HTTP 503"));
    PostDrafted toot = draft("toot", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(toot);
    decide(toot, DecisionStatus.APPROVED);
    clockTo(AT);
    assertThat(publications())
        .extracting(Publication::getStatus)
        .containsExactly(PublicationStatus.RETRYING);
    harness.pipe(
        CampaignTopic.POSTS,
        "eastside",
        Posts.withdrawn("toot", Platform.MASTODON, AT.plusSeconds(5)),
        AT.plusSeconds(5));
    clockTo(AT.plusSeconds(10));
    assertThat(publications())
        .containsExactly(
            receipt(toot, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(1)
                .setReason("withdrawn by the branch")
                .setAt(AT.plusSeconds(10))
                .build());
    assertThat(mastodon.calls).containsExactly("toot/1");
  }

  @Test
  void aDecisionThatComesAfterTheInstantStillPublishes() {
    PostDrafted story = draft("p1", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(story);
    clockTo(AT.plusSeconds(2));
    assertThat(publications()).isEmpty();
    decide(story, DecisionStatus.APPROVED);
    assertThat(publications())
        .extracting(Publication::getStatus, Publication::getAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PublicationStatus.PUBLISHED, AT.plusSeconds(2)));
  }

  @Test
  void aPostFirstDueLongAfterItsTimeIsSkippedAsTooLate() {
    clockTo(AT.plus(Duration.ofHours(2)));
    PostDrafted late = draft("late", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    // the decision first (the decisions repartition may overtake the post): too late all the same
    decide(late, DecisionStatus.APPROVED);
    post(late);
    clockTo(harness.clock().plusSeconds(1));
    assertThat(publications())
        .extracting(Publication::getStatus, Publication::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PublicationStatus.SKIPPED,
                "too late: first tried 2 h after its time (more than 1 h late)"));
    assertThat(mastodon.calls).isEmpty();
  }

  @Test
  void anUnconfiguredChannelGoesToTheOutbox() throws Exception {
    PostDrafted facebook = draft("fb", 1, Platform.FACEBOOK, PostCategory.CONTENT, AT);
    post(facebook);
    decide(facebook, DecisionStatus.APPROVED);
    clockTo(AT);
    List<Publication> written = publications();
    assertThat(written)
        .containsExactly(
            receipt(facebook, PublisherKind.OUTBOX)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setReason(
                    "written to the local outbox (eastside/fb@1.json): eastside/FACEBOOK has no"
                        + " publisher configured")
                .setAt(AT)
                .build());
    var entries = new OutboxPublisher(dir.resolve("outbox")).entries();
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).path("outbox").asText())
        .isEqualTo("NOT SENT: eastside/FACEBOOK has no publisher configured");
    assertThat(entries.get(0).path("text").asText())
        .isEqualTo(
            "Story time is back Tuesday at 10!\n\nhttps://library.example.org/events #EastsideReads");
  }

  @Test
  void theDryRunOfPlanReportsWhatWouldBePublishedAndSendsNothing() {
    harness.close();
    Publishers real =
        new Publishers(
            Map.of("eastside/MASTODON", mastodon), new OutboxPublisher(dir.resolve("outbox")));
    Publishers dry = real.dryRun();
    harness =
        TopologyHarness.startingAt(START)
            .stateDir(dir.resolve("plan-state"))
            .service(
                PublisherService.NAME,
                (config, topics) ->
                    PublisherTopology.buildTopology(
                        config, topics, settings(config), dry, () -> Attempts.inline(dry)))
            .build();
    PostDrafted toot = draft("toot", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(toot);
    decide(toot, DecisionStatus.APPROVED);
    clockTo(AT);
    assertThat(publications())
        .containsExactly(
            receipt(toot, PublisherKind.MASTODON)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setReason("plan: would be published through MASTODON (nothing sent)")
                .setAt(AT)
                .build());
    assertThat(mastodon.calls).isEmpty();
    assertThat(dir.resolve("outbox")).doesNotExist();
  }

  @Test
  void aBadBranchSettingsValueWrittenStraightToKafkaIsDeadLetteredOnceHereAndTheNextIsNot() {
    BranchSettings chicago =
        BranchSettings.newBuilder().setBranchId("eastside").setZone("America/Chicago").build();
    harness.pipe(
        CampaignTopic.BRANCH_SETTINGS,
        "eastside",
        BranchSettings.newBuilder(chicago).setZone("Chicago").build(),
        START);
    harness.pipe(CampaignTopic.BRANCH_SETTINGS, "eastside", chicago, START);

    List<DeadLetter> letters =
        harness.output().stream()
            .filter(o -> o.topic() == CampaignTopic.DEAD_LETTERS)
            .map(o -> (DeadLetter) o.value())
            .toList();
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).getErrorMessage()).startsWith("INVALID: BranchSettings zone: ");
    assertThat(letters.get(0).getSourceTopic()).endsWith("campaign.branch-settings");
    assertThat(letters.get(0).getOffset()).isZero();
  }
}
