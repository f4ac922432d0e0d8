package org.librarycampaign.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.librarycampaign.dashboard.TestRecords.decision;
import static org.librarycampaign.dashboard.TestRecords.drafted;
import static org.librarycampaign.dashboard.TestRecords.held;
import static org.librarycampaign.dashboard.TestRecords.notification;
import static org.librarycampaign.dashboard.TestRecords.policy;
import static org.librarycampaign.dashboard.TestRecords.receipt;
import static org.librarycampaign.dashboard.TestRecords.reported;
import static org.librarycampaign.dashboard.TestRecords.status;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import library.campaign.events.BranchSettings;
import library.campaign.events.ContactChannel;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentState;
import library.campaign.events.Notification;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import library.campaign.events.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.platform.time.LocalTimes;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard service on the real broker and registry, its page in headless Chromium: records
 * produced onto the topics (with the real serdes, as the other services write them) appear on the
 * open page without a reload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String VIEWER = "tester";
  private static final String PASSWORD = "a password for the browser test";

  private LiveDashboard live;
  private TopicCatalogue topics;
  private Browser browser;
  private String page;

  @BeforeAll
  void start() throws IOException {
    live =
        LiveDashboard.start(
            "dashboard-browser",
            "UTC",
            VIEWER + "=" + Viewers.hashed(PASSWORD, new SecureRandom()) + "\n",
            VIEWER,
            PASSWORD);
    topics = live.topics;
    browser = live.browser;
    page = live.page;
  }

  @AfterAll
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  @BeforeEach
  void openThePage() {
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    browser.driver.get(page);
    live.awaitLive();
  }

  @Test
  void thePageLoadsLiveWithEverySectionAndNoScriptErrors() {
    assertThat(browser.driver.getTitle()).isEqualTo("Campaign dashboard");
    assertThat(live.texts(By.cssSelector("main h2")))
        .containsExactly(
            "Balance this week",
            "Held posts",
            "Week calendar",
            "Incidents",
            "Publications",
            "Outbox",
            "Dead letters",
            "Officials");
    assertThat(browser.driver.findElements(By.cssSelector("#calendar-body .day"))).hasSize(7);
    assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"))
        .isEqualTo("en");
    assertThat(live.severeConsoleMessages()).isEmpty();
    browser.screenshot("page-loads");
  }

  @Test
  void withoutASessionThePageLeadsToTheLoginFormAndBackAfterLoggingIn() {
    browser.driver.manage().deleteAllCookies();

    browser.driver.get(page);
    String landedOn = browser.driver.getCurrentUrl();
    String title = browser.driver.getTitle();
    browser.logIn(URI.create(page), VIEWER, PASSWORD);
    live.awaitLive();

    assertThat(landedOn).endsWith(Login.PATH);
    assertThat(title).isEqualTo("Log in: campaign dashboard");
    assertThat(browser.driver.getTitle()).isEqualTo("Campaign dashboard");
    assertThat(live.severeConsoleMessages()).isEmpty();
  }

  @Test
  void aDraftedPostAppearsWithinSecondsWithoutAReload() {
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    mark();

    live.send(
        topics.channelPolicies(),
        "eastside/FACEBOOK",
        policy("eastside", Platform.FACEBOOK, 3, "UTC", true));
    live.send(
        topics.posts(),
        "eastside",
        drafted(
            "live-1",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CONTENT,
            scheduled,
            "Story time is back on Wednesdays"));
    live.send(
        topics.postDecisions(),
        "live-1",
        decision(
            "live-1",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CONTENT,
            scheduled,
            DecisionStatus.APPROVED,
            Instant.now()));

    await()
        .atMost(SOON)
        .untilAsserted(
            () -> {
              assertThat(
                      live.text(
                          By.cssSelector(
                              "#calendar-body [data-post-id='live-1'][data-status='APPROVED']")))
                  .contains("Story time is back on Wednesdays", "eastside");
              assertThat(
                      live.text(
                          By.cssSelector("#balance-body [data-channel-id='eastside/FACEBOOK']")))
                  .contains("content");
            });
    assertThat(stillTheSamePage()).as("the page was not reloaded").isTrue();
    browser.screenshot("post-appears");
  }

  @Test
  void aHeldPostShowsItsReasonAndWhatWouldReleaseIt() {
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    mark();

    live.send(
        topics.posts(),
        "westside",
        drafted(
            "held-1",
            1,
            "westside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            scheduled,
            "Come to the budget hearing"));
    live.send(
        topics.postDecisions(),
        "held-1",
        held(
            "held-1",
            "westside",
            Platform.FACEBOOK,
            scheduled,
            ReasonCode.RATIO_LIMIT,
            "Held: 3 more content posts this week would free it.",
            Instant.now()));

    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(live.text(By.cssSelector("#held-body [data-post-id='held-1']")))
                    .contains(
                        "Why: Held: 3 more content posts this week would free it.",
                        "What releases it: Approving 3 more content posts on westside/FACEBOOK",
                        "Come to the budget hearing"));
    assertThat(stillTheSamePage()).isTrue();
    browser.screenshot("held-post");
  }

  @Test
  void eachRowReadsInItsBranchsZoneWithTheAbbreviationAndAnExpiredPostHasABadgeOfItsOwn() {
    ZoneId chicago = ZoneId.of("America/Chicago");
    // held posts expire by the wall clock at their time: this one is four weeks away
    Instant scheduled = Instant.now().plus(Duration.ofDays(28)).truncatedTo(ChronoUnit.MINUTES);
    Instant heldAt = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    Instant thisWeek = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    live.send(
        topics.branchSettings(),
        "southside",
        BranchSettings.newBuilder().setBranchId("southside").setZone(chicago.getId()).build());
    live.send(
        topics.posts(),
        "southside",
        drafted(
            "local-1",
            1,
            "southside",
            Platform.X,
            PostCategory.CAMPAIGN,
            scheduled,
            "Budget hearing on Thursday"));
    live.send(
        topics.postDecisions(),
        "local-1",
        held(
            "local-1",
            "southside",
            Platform.X,
            scheduled,
            ReasonCode.RATIO_LIMIT,
            "Held: 3 more content posts this week would free it.",
            heldAt));
    live.send(
        topics.posts(),
        "westside",
        drafted(
            "expired-1",
            1,
            "westside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            thisWeek,
            "Held until its time passed"));
    live.send(
        topics.postDecisions(),
        "expired-1",
        decision(
            "expired-1",
            1,
            "westside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            thisWeek,
            DecisionStatus.EXPIRED,
            Instant.now()));

    String card = "#held-body [data-post-id='local-1']";
    // the page's clock and abbreviation are those the server writes (LocalTimes)
    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(live.text(By.cssSelector(card)))
                    .contains(
                        "southside/X · for " + LocalTimes.dayAndTime(scheduled, chicago),
                        "Time left: expires in 27 d",
                        ", at " + LocalTimes.dayAndTime(scheduled, chicago),
                        "Held since " + LocalTimes.dayAndTime(heldAt, chicago)));
    assertThat(browser.driver.findElement(By.cssSelector(card)).getDomAttribute("data-zone"))
        .isEqualTo("America/Chicago");
    // the other branches keep the dashboard's zone (UTC here), also with its abbreviation
    await()
        .atMost(SOON)
        .untilAsserted(
            () ->
                assertThat(
                        browser
                            .driver
                            .findElement(
                                By.cssSelector(
                                    "#calendar-body [data-post-id='expired-1'] .badge[data-tone='expired']"))
                            .getText())
                    .isEqualTo("expired"));
    assertThat(live.text(By.cssSelector("#calendar-body [data-post-id='expired-1'] .meta strong")))
        .isEqualTo(
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(thisWeek)
                + " UTC");
    assertThat(live.severeConsoleMessages()).isEmpty();
    browser.screenshot("local-time");
  }

  @Test
  void anIncidentAppearsWithItsNotificationsAndTheirReceipts() {
    Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    mark();
    Notification email =
        notification(
            "incident-1",
            "eastside",
            0,
            "ana",
            "Ana Ruiz",
            ContactChannel.EMAIL,
            "ana@library.example.org",
            at);
    Notification sms =
        notification(
            "incident-1", "eastside", 0, "ana", "Ana Ruiz", ContactChannel.SMS, "+15550100101", at);

    live.send(
        topics.incidents(),
        "eastside",
        reported("incident-1", "eastside", Severity.HIGH, "Petition against a picture book", at));
    live.send(topics.notifications(), email.getNotificationId(), email);
    live.send(topics.notifications(), sms.getNotificationId(), sms);
    live.send(
        topics.incidentStatus(),
        "incident-1",
        status("incident-1", "eastside", IncidentState.OPEN, 0, List.of(email, sms), at));
    live.send(
        topics.notificationReceipts(),
        email.getNotificationId(),
        receipt(
            email.getNotificationId(),
            DeliveryStatus.RETRYING,
            ContactChannel.EMAIL,
            1,
            false,
            "SMTP timeout",
            at.plusSeconds(1)));
    live.send(
        topics.notificationReceipts(),
        email.getNotificationId(),
        receipt(
            email.getNotificationId(),
            DeliveryStatus.DELIVERED,
            ContactChannel.EMAIL,
            2,
            false,
            null,
            at.plusSeconds(6)));
    live.send(
        topics.notificationReceipts(),
        sms.getNotificationId(),
        receipt(
            sms.getNotificationId(),
            DeliveryStatus.DELIVERED,
            ContactChannel.SMS,
            1,
            true,
            "written to the local outbox: no SMS gateway configured",
            at.plusSeconds(1)));

    String incident = "#incidents-body [data-incident-id='incident-1']";
    await()
        .atMost(SOON)
        .untilAsserted(
            () -> {
              assertThat(live.text(By.cssSelector(incident)))
                  .contains("Petition against a picture book", "high", "open", "tier 0");
              assertThat(live.texts(By.cssSelector(incident + " tr[data-notification-id]")))
                  .hasSize(2)
                  .anySatisfy(row -> assertThat(row).contains("Ana Ruiz", "email", "delivered"))
                  .anySatisfy(row -> assertThat(row).contains("sms", "delivered", "outbox"));
              assertThat(live.text(By.cssSelector("#outbox-body")))
                  .contains("no SMS gateway configured");
            });
    String emailRow = incident + " tr[data-notification-id='" + email.getNotificationId() + "']";
    browser.driver.findElement(By.cssSelector(emailRow + " summary")).click();
    assertThat(live.texts(By.cssSelector(emailRow + " li.receipt")))
        .satisfiesExactly(
            first -> assertThat(first).startsWith("retrying · attempt 1").contains("SMTP timeout"),
            second -> assertThat(second).startsWith("delivered · attempt 2"));
    // the timeline: every step in time order, each notification with its receipts
    browser.driver.findElement(By.cssSelector(incident + " details.timeline summary")).click();
    assertThat(live.text(By.cssSelector(incident + " details.timeline summary")))
        .isEqualTo("Timeline (3 steps, times in UTC)");
    assertThat(live.texts(By.cssSelector(incident + " li.step")))
        .satisfiesExactly(
            reported -> assertThat(reported).endsWith("Reported · by front desk"),
            first ->
                assertThat(first)
                    .contains("Notified · Ana Ruiz (Comms lead) by email · tier 0")
                    .contains("retrying · attempt 1", "SMTP timeout", "delivered · attempt 2"),
            second ->
                assertThat(second)
                    .contains(
                        "Notified · Ana Ruiz (Comms lead) by sms · tier 0", "delivered · attempt 1")
                    .contains("outbox"));
    assertThat(stillTheSamePage()).isTrue();
    browser.screenshot("incident");
  }

  @Test
  void anUnreadableRecordBecomesADeadLetterOnThePageAndTheViewsGoOn() {
    mark();
    live.sendBytes(topics.postDecisions().name(), "garbled", new byte[] {1, 2, 3});
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    live.send(
        topics.posts(),
        "northgate",
        drafted(
            "after-garbage",
            1,
            "northgate",
            Platform.BLUESKY,
            PostCategory.CONTENT,
            scheduled,
            "Still here"));

    await()
        .atMost(SOON)
        .untilAsserted(
            () -> {
              assertThat(
                      live.texts(By.cssSelector("#calendar-body [data-post-id='after-garbage']")))
                  .hasSize(1);
              assertThat(live.text(By.id("dead-letters-body")))
                  .contains(topics.postDecisions().name(), "deserialization");
            });
    assertThat(stillTheSamePage()).isTrue();
  }

  @Test
  void onAPhoneTheLayoutFitsTheWidthAndTheKeyboardReachesTheSkipLinkFirst() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Notification webhook =
        notification(
            "phone-incident",
            "riverside",
            0,
            "marcus",
            "Marcus Lee",
            ContactChannel.WEBHOOK,
            "https://chat.library.example.org/hooks/branch-managers/with/a/long/path",
            now);
    live.send(
        topics.posts(),
        "riverside",
        drafted(
            "phone-post",
            1,
            "riverside",
            Platform.INSTAGRAM,
            PostCategory.CONTENT,
            now,
            "A_long_word_without_spaces_that_must_wrap_on_a_phone_screen_and_not_push_it_wider"));
    live.send(
        topics.incidents(),
        "riverside",
        reported("phone-incident", "riverside", Severity.CRITICAL, "Water leak", now));
    live.send(topics.notifications(), webhook.getNotificationId(), webhook);
    live.send(
        topics.notificationReceipts(),
        webhook.getNotificationId(),
        receipt(
            webhook.getNotificationId(),
            DeliveryStatus.DELIVERED,
            ContactChannel.WEBHOOK,
            1,
            true,
            "written to the local outbox: no webhook secret configured",
            now));
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    browser.driver.navigate().refresh();
    live.awaitLive();
    await()
        .atMost(SOON)
        .until(
            () ->
                !live.texts(
                            By.cssSelector(
                                "#outbox-body [data-notification-id='"
                                    + webhook.getNotificationId()
                                    + "']"))
                        .isEmpty()
                    && !live.texts(By.cssSelector("[data-post-id='phone-post']")).isEmpty());

    Number pageWidth = (Number) js().executeScript("return document.documentElement.scrollWidth;");
    Number viewport = (Number) js().executeScript("return document.documentElement.clientWidth;");
    assertThat(pageWidth.intValue()).isLessThanOrEqualTo(viewport.intValue());

    browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement focused = browser.driver.switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to the dashboard");
    focused.sendKeys(Keys.ENTER);
    assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("main");
    browser.screenshot("phone");
    browser.windowScreenshot("phone-window");
    js().executeScript("document.getElementById('incidents').scrollIntoView();");
    browser.windowScreenshot("phone-incidents");
  }

  private JavascriptExecutor js() {
    return browser.driver;
  }

  /** Marks the page, so that a reload (which would lose the mark) can be told. */
  private void mark() {
    js().executeScript("window.dashboardTestMark = 'same page';");
  }

  private boolean stillTheSamePage() {
    return "same page".equals(js().executeScript("return window.dashboardTestMark;"));
  }
}
