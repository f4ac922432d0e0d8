package org.librarycampaign.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDrafted;
import library.campaign.events.Publication;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.Severity;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.librarycampaign.harness.TopologyHarness;
import org.librarycampaign.platform.topics.CampaignTopic;
import org.librarycampaign.publisher.channel.OutboxPublisher;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Publisher;
import org.librarycampaign.publisher.channel.Publishers;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Random histories of drafts, revisions, decisions, withdrawals, incidents, clock moves and a flaky
 * remote, through the production topology: nothing is published twice, nothing before its time,
 * nothing withdrawn, unapproved or replaced, and no campaign post while its branch is in a crisis.
 */
class PublishingProperties {

  static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
  static final List<String> POSTS = List.of("p1", "p2", "p3");

  sealed interface Action {}

  /** A new revision; governance approves it at once (0-2), holds it (3), or is behind (4). */
  record Draft(int post, boolean campaign, int inMinutes, int governance) implements Action {}

  record Decide(int post, boolean approve) implements Action {}

  record Withdraw(int post) implements Action {}

  record Report() implements Action {}

  record Resolve() implements Action {}

  record Advance(int seconds) implements Action {}

  @Provide
  Arbitrary<List<Action>> histories() {
    return actions().list().ofMinSize(5).ofMaxSize(40);
  }

  Arbitrary<Action> actions() {
    Arbitrary<Integer> post = Arbitraries.integers().between(0, POSTS.size() - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(
            4,
            Combinators.combine(
                    post,
                    Arbitraries.of(true, false),
                    Arbitraries.integers().between(0, 30),
                    Arbitraries.integers().between(0, 4))
                .as(Draft::new)),
        net.jqwik.api.Tuple.of(
            5, Combinators.combine(post, Arbitraries.of(true, true, false)).as(Decide::new)),
        net.jqwik.api.Tuple.of(1, post.map(Withdraw::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Report())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Resolve())),
        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 900).map(Advance::new)));
  }

  /** The inputs as the test sent them: what the topology must have known at each moment. */
  private static final class Model {
    final Map<String, Integer> revision = new HashMap<>();
    final Map<String, PostDrafted> latest = new HashMap<>();
    final Set<String> withdrawn = new HashSet<>();
    final Map<String, String> decision = new HashMap<>(); // postId -> "rev:STATUS"
    boolean crisis;
    int incidents;
  }

  @Property(tries = 25)
  void nothingIsPublishedTwiceEarlyWithdrawnUnapprovedReplacedOrWhilePaused(
      @ForAll("histories") List<Action> history, @ForAll @Size(max = 40) List<Boolean> remoteFails)
      throws IOException {
    Path dir = Files.createTempDirectory("publisher-properties-");
    Iterator<Boolean> fails = remoteFails.iterator();
    Map<String, Integer> successfulCalls = new HashMap<>();
    Publisher flaky =
        new Publisher() {
          @Override
          public PublisherKind kind() {
            return PublisherKind.MASTODON;
          }

          @Override
          public PublishOutcome publish(PostState post) {
            if (fails.hasNext() && fails.next()) {
              return new PublishOutcome.Failed(false, "HTTP 503");
            }
            successfulCalls.merge(post.idempotencyKey(), 1, Integer::sum);
            return new PublishOutcome.Published("r-" + post.idempotencyKey(), null, null);
          }
        };
    Publishers publishers =
        new Publishers(Map.of("eastside/MASTODON", flaky), new OutboxPublisher(dir.resolve("o")));
    Model model = new Model();
    Set<String> published = new HashSet<>();
    try (TopologyHarness harness =
        TopologyHarness.startingAt(START)
            .stateDir(dir)
            .service(
                PublisherService.NAME,
                (config, topics) ->
                    PublisherTopology.buildTopology(
                        config,
                        topics,
                        PublisherTopologyTest.settings(config),
                        publishers,
                        () -> Attempts.inline(publishers)))
            .build()) {
      List<Action> all = new ArrayList<>(history);
      // then four hours, in steps shorter than max-lateness, as a running service's clock moves
      for (int step = 0; step < 48; step++) {
        all.add(new Advance(300));
      }
      for (Action action : all) {
        Instant now = harness.clock();
        apply(harness, model, action, now);
        for (TopologyHarness.Output output : harness.output()) {
          Publication publication = (Publication) output.value();
          net.jqwik.api.statistics.Statistics.label("receipts").collect(publication.getStatus());
          if (publication.getStatus() != PublicationStatus.PUBLISHED) {
            continue;
          }
          String key = publication.getIdempotencyKey();
          String postId = publication.getPostId();
          int revision = publication.getRevision();
          assertThat(published.add(key)).as("published twice: %s", key).isTrue();
          assertThat(publication.getAt()).as(key).isAfterOrEqualTo(publication.getScheduledAt());
          assertThat(model.revision.get(postId)).as("replaced: %s", key).isEqualTo(revision);
          assertThat(model.withdrawn).as("withdrawn: %s", key).doesNotContain(postId);
          assertThat(model.decision.get(postId))
              .as("decision of %s", key)
              .isEqualTo(revision + ":APPROVED");
          boolean campaign = model.latest.get(postId).getCategory() == PostCategory.CAMPAIGN;
          assertThat(campaign && model.crisis).as("published while paused: %s", key).isFalse();
        }
      }
    }
    net.jqwik.api.statistics.Statistics.label("posts published")
        .collect(published.isEmpty() ? "none" : "some");
    successfulCalls.forEach(
        (key, calls) -> assertThat(calls).as("successful calls for %s", key).isEqualTo(1));
    assertThat(successfulCalls.keySet()).isEqualTo(published);
  }

  private static void apply(TopologyHarness harness, Model model, Action action, Instant now) {
    if (action instanceof Draft draft) {
      String postId = POSTS.get(draft.post());
      int revision = model.revision.merge(postId, 1, Integer::sum);
      PostDrafted drafted =
          PostDrafted.newBuilder(
                  Posts.draft(
                      postId,
                      revision,
                      Platform.MASTODON,
                      draft.campaign() ? PostCategory.CAMPAIGN : PostCategory.CONTENT,
                      now.plus(Duration.ofMinutes(draft.inMinutes()))))
              .setDraftedAt(now)
              .build();
      model.latest.put(postId, drafted);
      model.withdrawn.remove(postId);
      harness.pipe(CampaignTopic.POSTS, "eastside", Posts.drafted(drafted), now);
      if (draft.governance() < 4) {
        apply(harness, model, new Decide(draft.post(), draft.governance() < 3), now);
      }
    } else if (action instanceof Decide decide) {
      PostDrafted latest = model.latest.get(POSTS.get(decide.post()));
      if (latest != null) {
        DecisionStatus status = decide.approve() ? DecisionStatus.APPROVED : DecisionStatus.HELD;
        model.decision.put(latest.getPostId(), latest.getRevision() + ":" + status);
        harness.pipe(
            CampaignTopic.POST_DECISIONS,
            latest.getPostId(),
            Posts.decision(latest, status, false),
            now);
      }
    } else if (action instanceof Withdraw withdraw) {
      String postId = POSTS.get(withdraw.post());
      if (model.latest.containsKey(postId)) {
        model.withdrawn.add(postId);
        harness.pipe(
            CampaignTopic.POSTS, "eastside", Posts.withdrawn(postId, Platform.MASTODON, now), now);
      }
    } else if (action instanceof Report) {
      if (!model.crisis) {
        model.incidents++;
        model.crisis = true;
        harness.pipe(
            CampaignTopic.INCIDENTS,
            "eastside",
            Posts.reported("i" + model.incidents, Severity.HIGH, now),
            now);
      }
    } else if (action instanceof Resolve) {
      if (model.crisis) {
        model.crisis = false;
        harness.pipe(
            CampaignTopic.INCIDENTS, "eastside", Posts.resolved("i" + model.incidents, now), now);
      }
    } else if (action instanceof Advance advance) {
      harness.advance(Duration.ofSeconds(advance.seconds()));
    }
  }
}
