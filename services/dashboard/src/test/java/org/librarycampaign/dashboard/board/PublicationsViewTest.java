package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.FactJson;
import org.librarycampaign.dashboard.facts.Facts;
import org.librarycampaign.dashboard.facts.PostFact;
import org.librarycampaign.dashboard.facts.PublicationFact;

class PublicationsViewTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final String OUTBOX = "/data/outbox";
  private static final String POST_OUTBOX = "/data/outbox-posts";

  private static PublicationFact receipt(
      String postId,
      int revision,
      String channelId,
      String status,
      String publisher,
      int attempt,
      String url,
      Instant nextAttemptAt,
      String reason,
      Instant scheduledAt,
      Instant at) {
    return new PublicationFact(
        postId,
        revision,
        channelId.substring(0, channelId.indexOf('/')),
        channelId,
        status,
        publisher,
        postId + "/" + revision,
        scheduledAt,
        attempt,
        url == null ? null : "remote-" + postId,
        url,
        nextAttemptAt,
        reason,
        at);
  }

  private static PostFact post(String postId, int revision, String channelId, String text) {
    String[] parts = channelId.split("/");
    return new PostFact(
        postId,
        revision,
        parts[0],
        parts[1],
        "CONTENT",
        null,
        text,
        List.of(),
        List.of(),
        List.of(),
        0,
        NOW,
        "jlee",
        NOW.minusSeconds(86_400),
        false,
        null,
        null);
  }

  private static Facts facts(List<PostFact> posts, List<PublicationFact> publications) {
    return Facts.builder().posts(posts).publications(publications).build();
  }

  private static PublicationsView view(Facts facts) {
    return Board.build(facts, NOW, ZoneOffset.UTC, null, OUTBOX, POST_OUTBOX).publications();
  }

  @Test
  void eachRevisionShowsItsLatestReceiptNewestFirstAndTheOutboxEarliestScheduledFirst() {
    Instant t = NOW.minusSeconds(600);
    PublicationFact published =
        receipt(
            "ms-1",
            3,
            "eastside/MASTODON",
            "PUBLISHED",
            "MASTODON",
            1,
            "https://mastodon.example/@eastside/1",
            null,
            null,
            t,
            t.plusSeconds(1));
    PublicationFact retrying =
        receipt(
            "bs-1",
            1,
            "northgate/BLUESKY",
            "RETRYING",
            "BLUESKY",
            2,
            null,
            t.plusSeconds(60),
            "HTTP 503 from the PDS",
            t,
            t.plusSeconds(5));
    PublicationFact failed =
        receipt(
            "wh-1",
            1,
            "westside/FACEBOOK",
            "FAILED",
            "WEBHOOK",
            1,
            null,
            null,
            "HTTP 401: the webhook refused the signature",
            t,
            t.plusSeconds(2));
    PublicationFact skipped =
        receipt(
            "fb-2",
            1,
            "eastside/FACEBOOK",
            "SKIPPED",
            "OUTBOX",
            0,
            null,
            null,
            "withdrawn by the branch at 2026-12-02T11:00:00Z",
            t,
            t.plusSeconds(3));
    PublicationFact outboxLater =
        receipt(
            "fb 1",
            4,
            "eastside/FACEBOOK",
            "PUBLISHED",
            "OUTBOX",
            1,
            null,
            null,
            "written to the local outbox (eastside/fb%201@4.json)",
            t.plusSeconds(30),
            t.plusSeconds(31));
    PublicationFact outboxEarlier =
        receipt(
            "ig-1",
            2,
            "westside/INSTAGRAM",
            "PUBLISHED",
            "OUTBOX",
            1,
            null,
            null,
            "written to the local outbox (westside/ig-1@2.json)",
            t.minusSeconds(30),
            t.minusSeconds(29));

    PublicationsView view =
        view(
            facts(
                List.of(
                    post("fb 1", 4, "eastside/FACEBOOK", "Story time is back"),
                    post("ig-1", 3, "westside/INSTAGRAM", "A newer revision's text")),
                List.of(published, retrying, failed, skipped, outboxLater, outboxEarlier)));

    PublicationsView.Entry outboxLaterEntry =
        new PublicationsView.Entry(
            "fb 1",
            4,
            "eastside",
            "eastside/FACEBOOK",
            "FACEBOOK",
            "PUBLISHED",
            "OUTBOX",
            t.plusSeconds(30),
            1,
            null,
            null,
            null,
            "written to the local outbox (eastside/fb%201@4.json)",
            t.plusSeconds(31),
            "Story time is back",
            "eastside/fb%201@4.json");
    PublicationsView.Entry outboxEarlierEntry =
        new PublicationsView.Entry(
            "ig-1",
            2,
            "westside",
            "westside/INSTAGRAM",
            "INSTAGRAM",
            "PUBLISHED",
            "OUTBOX",
            t.minusSeconds(30),
            1,
            null,
            null,
            null,
            "written to the local outbox (westside/ig-1@2.json)",
            t.minusSeconds(29),
            null,
            "westside/ig-1@2.json");
    assertThat(view.counts()).isEqualTo(new PublicationsView.Counts(3, 1, 1, 1, 2));
    assertThat(view.outboxDirectory()).isEqualTo(POST_OUTBOX);
    assertThat(view.outbox()).containsExactly(outboxEarlierEntry, outboxLaterEntry);
    assertThat(view.latest())
        .extracting(PublicationsView.Entry::postId, PublicationsView.Entry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fb 1", "PUBLISHED"),
            org.assertj.core.groups.Tuple.tuple("bs-1", "RETRYING"),
            org.assertj.core.groups.Tuple.tuple("fb-2", "SKIPPED"),
            org.assertj.core.groups.Tuple.tuple("wh-1", "FAILED"),
            org.assertj.core.groups.Tuple.tuple("ms-1", "PUBLISHED"),
            org.assertj.core.groups.Tuple.tuple("ig-1", "PUBLISHED"));
    assertThat(view.latest().get(0)).isEqualTo(outboxLaterEntry);
    assertThat(view.latest().get(1))
        .isEqualTo(
            new PublicationsView.Entry(
                "bs-1",
                1,
                "northgate",
                "northgate/BLUESKY",
                "BLUESKY",
                "RETRYING",
                "BLUESKY",
                t,
                2,
                null,
                null,
                t.plusSeconds(60),
                "HTTP 503 from the PDS",
                t.plusSeconds(5),
                null,
                null));
    assertThat(view.latest().get(4).url()).isEqualTo("https://mastodon.example/@eastside/1");
    assertThat(view.latest().get(4).file()).isNull();
  }

  @Test
  void onlyTheLatestFiftyAreShownButAllAreCounted() {
    List<PublicationFact> receipts =
        java.util.stream.IntStream.range(0, 60)
            .mapToObj(
                i ->
                    receipt(
                        "p" + i,
                        1,
                        "eastside/FACEBOOK",
                        "PUBLISHED",
                        "OUTBOX",
                        1,
                        null,
                        null,
                        "outbox",
                        NOW.plusSeconds(i),
                        NOW.minusSeconds(60 - i)))
            .toList();

    PublicationsView view = view(facts(List.of(), receipts));

    assertThat(view.counts().published()).isEqualTo(60);
    assertThat(view.counts().outbox()).isEqualTo(60);
    assertThat(view.latest()).hasSize(PublicationsView.SHOWN);
    assertThat(view.latest().get(0).postId()).isEqualTo("p59");
    assertThat(view.outbox()).hasSize(PublicationsView.SHOWN);
    assertThat(view.outbox().get(0).postId()).isEqualTo("p0");
  }

  @Test
  void withoutReceiptsTheSectionIsEmptyAndNamesTheFolderBesideTheDispatchersOutbox() {
    PublicationsView view =
        Board.build(Facts.none(), NOW, ZoneOffset.UTC, null, OUTBOX).publications();

    assertThat(view)
        .isEqualTo(
            new PublicationsView(
                new PublicationsView.Counts(0, 0, 0, 0, 0), List.of(), POST_OUTBOX, List.of()));
    assertThat(FactJson.write(view))
        .isEqualTo(
            "{\"counts\":{\"published\":0,\"retrying\":0,\"failed\":0,\"skipped\":0,\"outbox\":0},"
                + "\"latest\":[],\"outboxDirectory\":\"/data/outbox-posts\",\"outbox\":[]}");
  }
}
