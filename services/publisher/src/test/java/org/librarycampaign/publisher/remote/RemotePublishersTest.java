package org.librarycampaign.publisher.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.publisher.channel.BlueskyPublisher;
import org.librarycampaign.publisher.channel.MastodonPublisher;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Secret;
import org.librarycampaign.publisher.channel.WebhookPublisher;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Each publisher against a real HTTP server in the JVM that speaks its remote's wire format and
 * checks the requests' shape: what is published, what a repeat does, which failures are retried.
 */
class RemotePublishersTest {

  static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private FakeRemote remote;

  @AfterEach
  void stop() {
    if (remote != null) {
      remote.close();
    }
  }

  static PostState post(
      String postId, int revision, String text, List<String> images, FakeRemote r) {
    return new PostState(
        postId,
        revision,
        "eastside",
        "MASTODON",
        "CONTENT",
        null,
        text,
        List.of("#EastsideReads"),
        List.of("mayor.example.gov"),
        List.of("https://library.example.org/events"),
        images.stream()
            .map(name -> new PostState.Visual("IMAGE", r.imageUrl(name), "Alt for " + name))
            .toList(),
        AT,
        null);
  }

  @Test
  void mastodonUploadsEachVisualThenPostsTheStatusWithTheIdempotencyKey() {
    FakeMastodon mastodon = new FakeMastodon();
    remote = mastodon;
    MastodonPublisher publisher =
        new MastodonPublisher(
            URI.create(mastodon.baseUrl()), new Secret(FakeMastodon.TOKEN), TIMEOUT);
    PostState post = post("p1", 2, "Story time is back!", List.of("a.png", "b.png"), mastodon);

    PublishOutcome outcome = publisher.publish(post);

    assertThat(mastodon.problems).isEmpty();
    FakeMastodon.Status status = mastodon.statusesByKey.get("p1/2");
    assertThat(status.text())
        .isEqualTo(
            "Story time is back!\n\nhttps://library.example.org/events @mayor.example.gov"
                + " #EastsideReads");
    assertThat(status.mediaIds()).hasSize(2);
    assertThat(status.mediaIds().stream().map(mastodon.mediaDescriptions::get))
        .containsExactly("Alt for a.png", "Alt for b.png");
    assertThat(outcome)
        .isEqualTo(
            new PublishOutcome.Published(
                status.id(), mastodon.baseUrl() + "/@eastside/" + status.id(), null));

    // a repeat (after a crash) is answered with the same status: no second post
    assertThat(publisher.publish(post)).isEqualTo(outcome);
    assertThat(mastodon.statusesByKey).hasSize(1);
    assertThat(mastodon.statusCalls).containsExactly("p1/2", "p1/2");
  }

  @Test
  void mastodonFailuresSayWhetherToRetry() {
    FakeMastodon mastodon = new FakeMastodon();
    remote = mastodon;
    mastodon.failNext.set(1);
    MastodonPublisher publisher =
        new MastodonPublisher(
            URI.create(mastodon.baseUrl()), new Secret(FakeMastodon.TOKEN), TIMEOUT);
    PostState post = post("p1", 1, "Hello", List.of(), mastodon);
    assertThat(publisher.publish(post))
        .isEqualTo(
            new PublishOutcome.Failed(
                false, "POST /api/v1/statuses: HTTP 503 Service Unavailable"));

    MastodonPublisher wrongToken =
        new MastodonPublisher(URI.create(mastodon.baseUrl()), new Secret("nope"), TIMEOUT);
    assertThat(wrongToken.publish(post))
        .isEqualTo(
            new PublishOutcome.Failed(
                true,
                "POST /api/v1/statuses: HTTP 401 {\"error\":\"The access token is invalid\"}"));

    PostState missingImage =
        new PostState(
            "p2",
            1,
            "eastside",
            "MASTODON",
            "CONTENT",
            null,
            "x",
            List.of(),
            List.of(),
            List.of(),
            List.of(new PostState.Visual("IMAGE", mastodon.baseUrl() + "/nothing/here.png", null)),
            AT,
            null);
    PublishOutcome gone = publisher.publish(missingImage);
    assertThat(gone).isInstanceOf(PublishOutcome.Failed.class);
    assertThat(((PublishOutcome.Failed) gone).permanent()).isTrue();
    assertThat(((PublishOutcome.Failed) gone).reason())
        .startsWith("fetching the visual " + mastodon.baseUrl() + "/nothing/here.png: HTTP 404");
  }

  @Test
  void aRemoteThatDoesNotAnswerIsATransientFailureWithinTheTimeout() throws Exception {
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0)) {
      MastodonPublisher publisher =
          new MastodonPublisher(
              URI.create("http://127.0.0.1:" + silent.getLocalPort()),
              new Secret("t"),
              Duration.ofMillis(500));
      long started = System.nanoTime();
      PublishOutcome outcome =
          publisher.publish(
              new PostState(
                  "p1",
                  1,
                  "eastside",
                  "MASTODON",
                  "CONTENT",
                  null,
                  "x",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  AT,
                  null));
      assertThat(outcome)
          .isEqualTo(
              new PublishOutcome.Failed(false, "POST /api/v1/statuses: timed out after 500 ms"));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void blueskySignsInUploadsBlobsAndCreatesAPostWithFacetsUnderItsOwnRecordKey() {
    FakeBluesky bluesky = new FakeBluesky();
    remote = bluesky;
    BlueskyPublisher publisher =
        new BlueskyPublisher(
            URI.create(bluesky.baseUrl()),
            FakeBluesky.HANDLE,
            new Secret(FakeBluesky.PASSWORD),
            TIMEOUT);
    PostState post =
        post("p1", 1, "Café storytime 📚 with @nobody.example.net!", List.of("a.png"), bluesky);
    String rkey = BlueskyPublisher.recordKey(post);

    PublishOutcome outcome = publisher.publish(post);

    assertThat(bluesky.problems).isEmpty();
    String uri = "at://" + FakeBluesky.DID + "/app.bsky.feed.post/" + rkey;
    assertThat(outcome)
        .isEqualTo(
            new PublishOutcome.Published(
                uri, "https://bsky.app/profile/" + FakeBluesky.HANDLE + "/post/" + rkey, null));
    JsonNode record = bluesky.records.get(rkey);
    String text = record.path("text").asText();
    assertThat(text)
        .isEqualTo(
            "Café storytime 📚 with @nobody.example.net!\n\nhttps://library.example.org/events"
                + " @mayor.example.gov #EastsideReads");
    // link, mention (resolved; the unknown handle stays plain text) and tag, in byte offsets
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> covered =
        record.path("facets").findValues("index").stream()
            .map(
                index ->
                    new String(
                        bytes,
                        index.path("byteStart").asInt(),
                        index.path("byteEnd").asInt() - index.path("byteStart").asInt(),
                        StandardCharsets.UTF_8))
            .toList();
    assertThat(covered)
        .containsExactly(
            "https://library.example.org/events", "@mayor.example.gov", "#EastsideReads");
    assertThat(record.path("facets").get(0).path("index").path("byteStart").asInt())
        .isEqualTo(text.indexOf("https") + 1 + 2); // é is 2 bytes, 📚 4 bytes (2 chars)
    assertThat(record.path("embed").path("images").get(0).path("alt").asText())
        .isEqualTo("Alt for a.png");

    // a repeat finds the record it made: no second post
    PublishOutcome again = publisher.publish(post);
    assertThat(again).isInstanceOf(PublishOutcome.Published.class);
    assertThat(((PublishOutcome.Published) again).remoteId()).isEqualTo(uri);
    assertThat(bluesky.createCalls).containsExactly(rkey);
    assertThat(bluesky.records).hasSize(1);
  }

  @Test
  void blueskyRefusesAWrongPasswordForGoodAndRetriesAnUpstreamFailure() {
    FakeBluesky bluesky = new FakeBluesky();
    remote = bluesky;
    PostState post = post("p1", 1, "Hello", List.of(), bluesky);
    BlueskyPublisher wrong =
        new BlueskyPublisher(
            URI.create(bluesky.baseUrl()), FakeBluesky.HANDLE, new Secret("wrong"), TIMEOUT);
    PublishOutcome refused = wrong.publish(post);
    assertThat(refused).isInstanceOf(PublishOutcome.Failed.class);
    assertThat(((PublishOutcome.Failed) refused).permanent()).isTrue();
    assertThat(((PublishOutcome.Failed) refused).reason())
        .startsWith("com.atproto.server.createSession: HTTP 401");

    bluesky.failNext.set(1);
    BlueskyPublisher publisher =
        new BlueskyPublisher(
            URI.create(bluesky.baseUrl()),
            FakeBluesky.HANDLE,
            new Secret(FakeBluesky.PASSWORD),
            TIMEOUT);
    PublishOutcome upstream = publisher.publish(post);
    assertThat(upstream).isInstanceOf(PublishOutcome.Failed.class);
    assertThat(((PublishOutcome.Failed) upstream).permanent()).isFalse();
    assertThat(publisher.publish(post)).isInstanceOf(PublishOutcome.Published.class);
    assertThat(bluesky.records).hasSize(1);
  }

  @Test
  void recordKeysAreValidTidsStablePerRevisionAndDistinctBetweenRevisions() {
    PostState one = bare("p1", 1);
    PostState two = bare("p1", 2);
    assertThat(BlueskyPublisher.recordKey(one))
        .matches(FakeBluesky.TID)
        .isEqualTo(BlueskyPublisher.recordKey(one))
        .isNotEqualTo(BlueskyPublisher.recordKey(two));
  }

  @Test
  void theWebhookIsSignedCarriesTheIdempotencyKeyAndTheAnswersIdAndUrl() {
    WebhookReceiver receiver = new WebhookReceiver();
    remote = receiver;
    WebhookPublisher publisher =
        new WebhookPublisher(
            URI.create(receiver.baseUrl() + "/hook"), new Secret(WebhookReceiver.SECRET), TIMEOUT);
    PostState post = post("p1", 3, "Hello", List.of("a.png"), receiver);
    assertThat(publisher.publish(post))
        .isEqualTo(new PublishOutcome.Published("hook-p1/3", receiver.baseUrl() + "/p/p1/3", null));
    assertThat(receiver.problems).isEmpty();
    JsonNode body = receiver.postsByKey.get("p1/3");
    assertThat(body.path("text").asText())
        .isEqualTo("Hello\n\nhttps://library.example.org/events @mayor.example.gov #EastsideReads");
    assertThat(body.path("channelId").asText()).isEqualTo("eastside/MASTODON");
    assertThat(body.path("media").get(0).path("url").asText())
        .isEqualTo(receiver.imageUrl("a.png"));

    WebhookPublisher wrongSecret =
        new WebhookPublisher(
            URI.create(receiver.baseUrl() + "/hook"), new Secret("other"), TIMEOUT);
    assertThat(wrongSecret.publish(post))
        .isEqualTo(new PublishOutcome.Failed(true, "POST 127.0.0.1: HTTP 401 bad signature"));
  }

  private static PostState bare(String postId, int revision) {
    return new PostState(
        postId,
        revision,
        "eastside",
        "BLUESKY",
        "CONTENT",
        null,
        "x",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        AT,
        null);
  }
}
