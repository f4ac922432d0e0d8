package org.librarycampaign.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.librarycampaign.dashboard.TestRecords.drafted;
import static org.librarycampaign.dashboard.TestRecords.held;
import static org.librarycampaign.dashboard.TestRecords.publication;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import library.campaign.events.DecisionReason;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.PostEvent;
import library.campaign.events.PostReviewed;
import library.campaign.events.PublicationStatus;
import library.campaign.events.PublisherKind;
import library.campaign.events.ReasonCode;
import library.campaign.events.ReviewAction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.librarycampaign.dashboard.TestRecords;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.time.LocalTimes;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The Publications section and the reviewers' buttons on the real broker and registry, in headless
 * Chromium: the publisher's receipts produced onto {@code campaign.publications} (with the real
 * serde) show on the open page, each revision's latest outcome with its times in the dashboard's
 * zone, and the posts in the publisher's local outbox; a reviewer's Approve on a held post writes a
 * {@code PostReviewed} to {@code campaign.posts}, read back committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewAndPublicationsBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String VIEWER = "director";
  private static final String PASSWORD = "a password for the browser test";
  private static final ZoneId ZONE = ZoneId.of("America/Chicago");

  private LiveDashboard live;
  private TopicCatalogue topics;
  private CampaignConfig config;
  private Browser browser;
  private String page;

  @BeforeAll
  void start() throws IOException {
    live =
        LiveDashboard.start(
            "dashboard-review-publish",
            ZONE.getId(),
            VIEWER
                + "="
                + Viewers.hashed(PASSWORD, new SecureRandom())
                + "\nreviewer."
                + VIEWER
                + "=eastside\n",
            VIEWER,
            PASSWORD);
    topics = live.topics;
    config = live.config;
    browser = live.browser;
    page = live.page;
  }

  @AfterAll
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void eachRevisionsLatestReceiptAndTheOutboxShowLiveInLocalTime() {
    browser.driver.get(page);
    live.awaitLive();
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant scheduled = at.minusSeconds(60);
    String url = "https://mastodon.example/@eastside/1101";

    live.send(
        topics.posts(),
        "northgate",
        drafted(
            "out-1",
            7,
            "northgate",
            Platform.BLUESKY,
            PostCategory.CONTENT,
            scheduled,
            "An author talk at northgate"));
    live.send(
        topics.publications(),
        "pub-1",
        publication(
            "pub-1",
            1,
            "eastside/MASTODON",
            PublicationStatus.RETRYING,
            PublisherKind.MASTODON,
            1,
            null,
            "HTTP 503",
            scheduled,
            at.minusSeconds(20)));
    live.send(
        topics.publications(),
        "pub-1",
        publication(
            "pub-1",
            1,
            "eastside/MASTODON",
            PublicationStatus.PUBLISHED,
            PublisherKind.MASTODON,
            2,
            url,
            null,
            scheduled,
            at));
    live.send(
        topics.publications(),
        "retry-1",
        publication(
            "retry-1",
            2,
            "westside/BLUESKY",
            PublicationStatus.RETRYING,
            PublisherKind.BLUESKY,
            3,
            null,
            "HTTP 502 from the PDS",
            scheduled,
            at.minusSeconds(1)));
    live.send(
        topics.publications(),
        "fail-1",
        publication(
            "fail-1",
            1,
            "westside/FACEBOOK",
            PublicationStatus.FAILED,
            PublisherKind.WEBHOOK,
            1,
            null,
            "HTTP 401: the scheduler refused the signature",
            scheduled,
            at.minusSeconds(2)));
    live.send(
        topics.publications(),
        "skip-1",
        publication(
            "skip-1",
            1,
            "eastside/FACEBOOK",
            PublicationStatus.SKIPPED,
            PublisherKind.OUTBOX,
            0,
            null,
            "paused: eastside is in a crisis (challenge-42) at its time",
            scheduled,
            at.minusSeconds(3)));
    live.send(
        topics.publications(),
        "out-1",
        publication(
            "out-1",
            7,
            "northgate/BLUESKY",
            PublicationStatus.PUBLISHED,
            PublisherKind.OUTBOX,
            1,
            null,
            "written to the local outbox (northgate/out-1@7.json)",
            scheduled,
            at.minusSeconds(4)));

    String rows = "#publications-body tr[data-post-id][data-status]";
    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(live.texts(By.cssSelector(rows)))
                    .hasSize(5)
                    .satisfiesExactly(
                        published -> assertThat(published).contains("pub-1 (revision 1)"),
                        retrying -> assertThat(retrying).contains("retry-1"),
                        failed -> assertThat(failed).contains("fail-1"),
                        skipped -> assertThat(skipped).contains("skip-1"),
                        outbox -> assertThat(outbox).contains("out-1 (revision 7)")));

    DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZONE);
    DateTimeFormatter minutes = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);
    assertThat(live.text(By.cssSelector(row("pub-1"))))
        .contains(
            "published",
            "Published through Mastodon: view the post",
            clock.format(at) + " " + LocalTimes.abbreviation(at.atZone(ZONE)))
        .doesNotContain("retrying");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector(row("pub-1") + " a.remote-link"))
                .getDomAttribute("href"))
        .isEqualTo(url);
    assertThat(live.text(By.cssSelector(row("retry-1"))))
        .contains(
            "retrying",
            "Attempt 3 failed: HTTP 502 from the PDS. Next attempt",
            clock.format(at.plusSeconds(9)),
            minutes.format(scheduled));
    assertThat(live.text(By.cssSelector(row("fail-1"))))
        .contains(
            "failed", "Failed after 1 attempt: HTTP 401: the scheduler refused the signature");
    assertThat(live.text(By.cssSelector(row("skip-1"))))
        .contains("skipped", "Not published: paused: eastside is in a crisis (challenge-42)");
    Path postOutbox = config.dataDir().toAbsolutePath().resolve("outbox-posts");
    assertThat(live.text(By.cssSelector(row("out-1"))))
        .contains(
            "Written to the local outbox, not sent: " + postOutbox + "/northgate/out-1@7.json");
    assertThat(live.text(By.cssSelector("#publications-body [data-counts]")))
        .isEqualTo("2 published (1 in the outbox) · 1 retrying · 1 failed · 1 skipped");
    assertThat(live.texts(By.cssSelector("#publications-body table")))
        .last()
        .asString()
        .contains("An author talk at northgate", "northgate · Bluesky", "northgate/out-1@7.json");
    assertThat(severeConsoleMessages()).isEmpty();
    browser.screenshot("publications");
  }

  @Test
  void aReviewerApprovesAHeldPostWithAReasonAndThePostReviewedIsOnCampaignPosts() {
    browser.driver.get(page);
    live.awaitLive();
    Instant scheduled = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    live.send(
        topics.posts(),
        "eastside",
        drafted(
            "held-9",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            scheduled,
            "Thank the commissioners"));
    live.send(
        topics.postDecisions(),
        "held-9",
        held(
            "held-9",
            "eastside",
            Platform.FACEBOOK,
            scheduled,
            ReasonCode.CRISIS_PAUSE,
            "Held: eastside has an active crisis.",
            Instant.now()));
    String card = "#held-body [data-post-id='held-9']";
    await()
        .atMost(SOON)
        .until(() -> !browser.driver.findElements(By.cssSelector(card + " form.review")).isEmpty());

    click(card + " button.review-approve");
    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(live.text(By.cssSelector(card + " [data-error-for='reason']")))
                    .isEqualTo("say why: the reason is kept with the decision"));
    browser
        .driver
        .findElement(By.cssSelector(card + " textarea[name='reason']"))
        .sendKeys("It thanks the commissioners and says nothing about the book.");
    click(card + " button.review-approve");

    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(live.text(By.cssSelector(card + " .review-status")))
                    .isEqualTo("Approved by director; waiting for governance's decision."));
    browser.screenshot("review-approved");
    List<ConsumerRecord<String, PostEvent>> reviews = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
      consumer.subscribe(List.of(topics.posts().name()));
      await()
          .atMost(SOON)
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  PostEvent event =
                      topics
                          .posts()
                          .valueSerde()
                          .deserializer()
                          .deserialize(record.topic(), record.headers(), record.value());
                  if (event.getEvent() instanceof PostReviewed) {
                    reviews.add(
                        new ConsumerRecord<>(
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            record.key(),
                            event));
                  }
                }
                return !reviews.isEmpty();
              });
    }
    assertThat(reviews).hasSize(1);
    assertThat(reviews.get(0).key()).isEqualTo("eastside");
    PostReviewed review = (PostReviewed) reviews.get(0).value().getEvent();
    assertThat(review.getPostId()).isEqualTo("held-9");
    assertThat(review.getRevision()).isEqualTo(1);
    assertThat(review.getBranchId()).isEqualTo("eastside");
    assertThat(review.getPlatform()).isEqualTo(Platform.FACEBOOK);
    assertThat(review.getAction()).isEqualTo(ReviewAction.APPROVE);
    assertThat(review.getReason())
        .isEqualTo("It thanks the commissioners and says nothing about the book.");
    assertThat(review.getReviewer()).isEqualTo("director");
    assertThat(review.getScheduledAt()).isNull();
    assertThat(review.getReviewedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
    assertThat(severeConsoleMessages()).isEmpty();
  }

  @Test
  void aRescheduledHeldPostShowsItsAuditTrailAndWaitsForSignOffWithTheApproveButton() {
    browser.driver.get(page);
    live.awaitLive();
    Instant scheduled = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    Instant rescheduled = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
    live.send(
        topics.posts(),
        "eastside",
        drafted(
            "sign-7",
            2,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            scheduled,
            "Vote yes on the library levy"));
    DecisionReview reschedule =
        DecisionReview.newBuilder()
            .setRevision(1)
            .setAction(ReviewAction.RESCHEDULE)
            .setReviewer("ben")
            .setReason("After the board meeting")
            .setAt(rescheduled)
            .setScheduledAt(scheduled)
            .build();
    live.send(
        topics.postDecisions(),
        "sign-7",
        PostDecision.newBuilder(
                TestRecords.decision(
                    "sign-7",
                    2,
                    "eastside",
                    Platform.FACEBOOK,
                    PostCategory.CAMPAIGN,
                    scheduled,
                    DecisionStatus.HELD,
                    rescheduled))
            .setReasons(
                List.of(
                    DecisionReason.newBuilder()
                        .setCode(ReasonCode.RATIO_LIMIT)
                        .setMessage("Held: the ratio needs 2 more content posts.")
                        .build()))
            .setReviews(List.of(reschedule))
            .setReview(reschedule)
            .setSignOff(DecisionSignOff.newBuilder().setRequired(true).build())
            .build());
    String card = "#signoff-body [data-post-id='sign-7']";
    await()
        .atMost(SOON)
        .until(() -> !browser.driver.findElements(By.cssSelector(card + " form.review")).isEmpty());

    // neither a policy nor branch settings name a zone for eastside/FACEBOOK here: the
    // dashboard's own zone, with its abbreviation ("Wed 2 Dec, 15:00 CST")
    assertThat(live.text(By.cssSelector(card + " .muted")))
        .isEqualTo("Waiting since " + LocalTimes.dayAndTime(rescheduled, ZONE));
    assertThat(live.text(By.cssSelector(card + " .expires")))
        .startsWith("Time left: publishes in 1 d 23 h")
        .endsWith(", at " + LocalTimes.dayAndTime(scheduled, ZONE) + ", once signed");
    assertThat(browser.driver.findElements(By.cssSelector(card + " button.review-approve")))
        .hasSize(1);
    String trail = "#held-body [data-post-id='sign-7'] .audit li";
    assertThat(live.text(By.cssSelector(trail)))
        .startsWith("Rescheduled by ben, ")
        .contains(LocalTimes.dayAndTime(rescheduled, ZONE) + " to ")
        .endsWith(
            LocalTimes.dayAndTime(scheduled, ZONE) + " (revision 1): After the board meeting");
    browser.screenshot("sign-off");
    assertThat(severeConsoleMessages()).isEmpty();
  }

  private void click(String css) {
    for (int attempt = 1; ; attempt++) {
      try {
        browser.driver.findElement(By.cssSelector(css)).click();
        return;
      } catch (StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  private KafkaConsumer<String, byte[]> committedReader() {
    Properties properties = new Properties();
    properties.putAll(config.kafkaProperties());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, SharedStack.uniqueName("review-reader"));
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private static String row(String postId) {
    return "#publications-body tr[data-status][data-post-id='" + postId + "']";
  }

  /**
   * The browser's errors, but for the 400 answer to a review without a reason: the browser logs
   * every 4xx a page fetches, and that one is the field error the test asks for.
   */
  private List<String> severeConsoleMessages() {
    return live.severeConsoleMessages().stream()
        .filter(
            m ->
                !m.contains(
                    "/api/reviews - Failed to load resource: the server responded with a status of 400"))
        .toList();
  }
}
