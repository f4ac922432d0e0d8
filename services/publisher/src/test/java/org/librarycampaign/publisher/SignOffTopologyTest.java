package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.publisher.Posts.decision;
import static org.librarycampaign.publisher.Posts.draft;
import static org.librarycampaign.publisher.Posts.drafted;
import static org.librarycampaign.publisher.PublisherTopologyTest.AT;
import static org.librarycampaign.publisher.PublisherTopologyTest.START;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostDrafted;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.ReviewAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.publisher.channel.OutboxPublisher;
import org.librarycampaign.publisher.channel.Publishers;

/**
 * Sign-off and reviews in the production topology (README, "The rules"): a post whose decision
 * needs sign-off is published only once a reviewer signed that revision; a RESCHEDULE publishes the
 * next revision at the new time.
 */
class SignOffTopologyTest {

  @TempDir Path dir;

  private final ScriptedPublisher mastodon = new ScriptedPublisher(PublisherKind.MASTODON);
  private TopologyHarness harness;

  @BeforeEach
  void start() {
    Publishers publishers =
        new Publishers(
            Map.of("eastside/MASTODON", mastodon), new OutboxPublisher(dir.resolve("outbox")));
    harness =
        TopologyHarness.startingAt(START)
            .stateDir(dir.resolve("state"))
            .service(
                PublisherService.NAME,
                (config, topics) ->
                    PublisherTopology.buildTopology(
                        config,
                        topics,
                        PublisherTopologyTest.settings(config),
                        publishers,
                        () -> Attempts.inline(publishers)))
            .build();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private void post(PostDrafted draft) {
    harness.pipe(CampaignTopic.POSTS, "eastside", drafted(draft), draft.getDraftedAt());
  }

  /** An APPROVED decision of the draft on a channel that requires sign-off. */
  private void approved(PostDrafted draft, String signedBy) {
    PostDecision decision =
        PostDecision.newBuilder(decision(draft, DecisionStatus.APPROVED, false))
            .setSignOff(
                DecisionSignOff.newBuilder()
                    .setRequired(true)
                    .setSignedBy(signedBy)
                    .setSignedAt(signedBy == null ? null : START)
                    .build())
            .build();
    harness.pipe(CampaignTopic.POST_DECISIONS, draft.getPostId(), decision, START);
  }

  private List<Publication> publications() {
    return harness.output().stream()
        .filter(o -> o.topic() == CampaignTopic.PUBLICATIONS)
        .map(o -> (Publication) o.value())
        .toList();
  }

  private static Publication.Builder receipt(String postId, int revision, Instant scheduledAt) {
    return Publication.newBuilder()
        .setPostId(postId)
        .setRevision(revision)
        .setBranchId("eastside")
        .setChannelId("eastside/MASTODON")
        .setPublisher(PublisherKind.MASTODON)
        .setIdempotencyKey(postId + "/" + revision)
        .setScheduledAt(scheduledAt);
  }

  private void clockTo(Instant at) {
    harness.advance(Duration.between(harness.clock(), at));
  }

  @Test
  void aPostStillUnsignedAtItsTimeIsSkippedAndSaysSo() {
    PostDrafted campaign = draft("p1", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    post(campaign);
    approved(campaign, null);

    clockTo(AT);

    assertThat(publications())
        .containsExactly(
            receipt("p1", 1, AT)
                .setStatus(PublicationStatus.SKIPPED)
                .setAttempt(0)
                .setReason(
                    "not signed off: eastside/MASTODON requires a reviewer's sign-off of"
                        + " revision 1 and it had none at its time")
                .setAt(AT)
                .build());
    assertThat(mastodon.calls).isEmpty();
  }

  @Test
  void aSignedPostIsPublished() {
    PostDrafted campaign = draft("p1", 1, Platform.MASTODON, PostCategory.CAMPAIGN, AT);
    post(campaign);
    approved(campaign, null);
    approved(campaign, "ana"); // the reviewer's APPROVE, as governance decides it

    clockTo(AT);

    assertThat(publications())
        .containsExactly(
            receipt("p1", 1, AT)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setRemoteId("remote-p1/1")
                .setUrl("https://social.example/p1/1")
                .setAt(AT)
                .build());
    assertThat(mastodon.calls).containsExactly("p1/1");
  }

  @Test
  void aRescheduledPostIsPublishedAsItsNextRevisionAtTheNewTimeOnly() {
    PostDrafted story = draft("p1", 1, Platform.MASTODON, PostCategory.CONTENT, AT);
    post(story);
    harness.pipe(
        CampaignTopic.POST_DECISIONS, "p1", decision(story, DecisionStatus.APPROVED, false), START);
    Instant later = AT.plus(Duration.ofHours(3));
    harness.pipe(
        CampaignTopic.POSTS,
        "eastside",
        new PostEvent(
            PostReviewed.newBuilder()
                .setPostId("p1")
                .setRevision(1)
                .setBranchId("eastside")
                .setPlatform(Platform.MASTODON)
                .setAction(ReviewAction.RESCHEDULE)
                .setReviewer("ana")
                .setReviewedAt(START)
                .setScheduledAt(later)
                .build()),
        START);
    PostDrafted moved = PostDrafted.newBuilder(story).setRevision(2).setScheduledAt(later).build();
    harness.pipe(
        CampaignTopic.POST_DECISIONS, "p1", decision(moved, DecisionStatus.APPROVED, false), START);

    clockTo(AT.plusSeconds(60));
    assertThat(publications()).isEmpty();
    clockTo(later);

    assertThat(publications())
        .containsExactly(
            receipt("p1", 2, later)
                .setStatus(PublicationStatus.PUBLISHED)
                .setAttempt(1)
                .setRemoteId("remote-p1/2")
                .setUrl("https://social.example/p1/2")
                .setAt(later)
                .build());
    assertThat(mastodon.calls).containsExactly("p1/2");
  }
}
