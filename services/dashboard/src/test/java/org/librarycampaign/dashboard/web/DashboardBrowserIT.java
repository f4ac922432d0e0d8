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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import library.campaign.events.ContactChannel;
import library.campaign.events.DecisionStatus;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.IncidentState;
import library.campaign.events.Notification;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import library.campaign.events.Severity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.login.Viewers;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.platform.topics.Topic;
import org.librarycampaign.platform.topics.TopicCatalogue;
import org.librarycampaign.testsupport.SharedStack;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

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

  private TopicCatalogue topics;
  private RunningService dashboard;
  private OpsServer http;
  private KafkaProducer<String, byte[]> producer;
  private Browser browser;
  private String page;

  @BeforeAll
  void start() throws IOException {
    Path viewers = Files.createTempFile("dashboard-viewers", ".properties");
    viewers.toFile().deleteOnExit();
    Files.writeString(viewers, VIEWER + "=" + Viewers.hashed(PASSWORD, new SecureRandom()) + "\n");
    CampaignConfig config =
        SharedStack.get()
            .configFor("dashboard-browser")
            .with(
                Map.of(
                    DashboardSettings.ZONE, "UTC",
                    DashboardSettings.REFRESH_INTERVAL, "200ms",
                    DashboardSettings.VIEWERS_FILE, viewers.toString()));
    topics = SharedStack.createTopics(config);
    Readiness readiness = new Readiness();
    dashboard = new DashboardService().start(new ServiceContext(config, topics, readiness));
    http = OpsServer.start(0, readiness, List.of(dashboard::addRoutes));
    await().atMost(Duration.ofSeconds(60)).until(readiness::isReady);
    Properties producerProperties = new Properties();
    producerProperties.putAll(config.kafkaProperties());
    producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
    producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    page = "http://localhost:" + http.port() + "/";
    browser = Browser.start(1280, 900);
    browser.logIn(URI.create(page), VIEWER, PASSWORD);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (producer != null) {
      producer.close();
    }
    // as campaign up does: the service first, so that it closes its live streams while the
    // server can still end them
    if (dashboard != null) {
      dashboard.close();
    }
    if (http != null) {
      http.close();
    }
  }

  @BeforeEach
  void openThePage() {
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    browser.driver.get(page);
    awaitLive();
  }

  @Test
  void thePageLoadsLiveWithEverySectionAndNoScriptErrors() {
    assertThat(browser.driver.getTitle()).isEqualTo("Campaign dashboard");
    assertThat(texts(By.cssSelector("main h2")))
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
    assertThat(severeConsoleMessages()).isEmpty();
    browser.screenshot("page-loads");
  }

  @Test
  void withoutASessionThePageLeadsToTheLoginFormAndBackAfterLoggingIn() {
    browser.driver.manage().deleteAllCookies();

    browser.driver.get(page);
    String landedOn = browser.driver.getCurrentUrl();
    String title = browser.driver.getTitle();
    browser.logIn(URI.create(page), VIEWER, PASSWORD);
    awaitLive();

    assertThat(landedOn).endsWith(Login.PATH);
    assertThat(title).isEqualTo("Log in: campaign dashboard");
    assertThat(browser.driver.getTitle()).isEqualTo("Campaign dashboard");
    assertThat(severeConsoleMessages()).isEmpty();
  }

  @Test
  void aDraftedPostAppearsWithinSecondsWithoutAReload() {
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    mark();

    send(
        topics.channelPolicies(),
        "eastside/FACEBOOK",
        policy("eastside", Platform.FACEBOOK, 3, "UTC", true));
    send(
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
    send(
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
                      text(
                          By.cssSelector(
                              "#calendar-body [data-post-id='live-1'][data-status='APPROVED']")))
                  .contains("Story time is back on Wednesdays", "eastside");
              assertThat(
                      text(By.cssSelector("#balance-body [data-channel-id='eastside/FACEBOOK']")))
                  .contains("content");
            });
    assertThat(stillTheSamePage()).as("the page was not reloaded").isTrue();
    browser.screenshot("post-appears");
  }

  @Test
  void aHeldPostShowsItsReasonAndWhatWouldReleaseIt() {
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    mark();

    send(
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
    send(
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
                assertThat(text(By.cssSelector("#held-body [data-post-id='held-1']")))
                    .contains(
                        "Why: Held: 3 more content posts this week would free it.",
                        "What releases it: Approving 3 more content posts on westside/FACEBOOK",
                        "Come to the budget hearing"));
    assertThat(stillTheSamePage()).isTrue();
    browser.screenshot("held-post");
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

    send(
        topics.incidents(),
        "eastside",
        reported("incident-1", "eastside", Severity.HIGH, "Petition against a picture book", at));
    send(topics.notifications(), email.getNotificationId(), email);
    send(topics.notifications(), sms.getNotificationId(), sms);
    send(
        topics.incidentStatus(),
        "incident-1",
        status("incident-1", "eastside", IncidentState.OPEN, 0, List.of(email, sms), at));
    send(
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
    send(
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
    send(
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
              assertThat(text(By.cssSelector(incident)))
                  .contains("Petition against a picture book", "high", "open", "tier 0");
              assertThat(texts(By.cssSelector(incident + " tr[data-notification-id]")))
                  .hasSize(2)
                  .anySatisfy(row -> assertThat(row).contains("Ana Ruiz", "email", "delivered"))
                  .anySatisfy(row -> assertThat(row).contains("sms", "delivered", "outbox"));
              assertThat(text(By.cssSelector("#outbox-body")))
                  .contains("no SMS gateway configured");
            });
    String emailRow = incident + " tr[data-notification-id='" + email.getNotificationId() + "']";
    browser.driver.findElement(By.cssSelector(emailRow + " summary")).click();
    assertThat(texts(By.cssSelector(emailRow + " li.receipt")))
        .satisfiesExactly(
            first -> assertThat(first).startsWith("retrying · attempt 1").contains("SMTP timeout"),
            second -> assertThat(second).startsWith("delivered · attempt 2"));
    // the timeline: every step in time order, each notification with its receipts
    browser.driver.findElement(By.cssSelector(incident + " details.timeline summary")).click();
    assertThat(text(By.cssSelector(incident + " details.timeline summary")))
        .isEqualTo("Timeline (3 steps, times in UTC)");
    assertThat(texts(By.cssSelector(incident + " li.step")))
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
    producer.send(
        new ProducerRecord<>(topics.postDecisions().name(), "garbled", new byte[] {1, 2, 3}));
    Instant scheduled = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    send(
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
              assertThat(texts(By.cssSelector("#calendar-body [data-post-id='after-garbage']")))
                  .hasSize(1);
              assertThat(text(By.id("dead-letters-body")))
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
    send(
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
    send(
        topics.incidents(),
        "riverside",
        reported("phone-incident", "riverside", Severity.CRITICAL, "Water leak", now));
    send(topics.notifications(), webhook.getNotificationId(), webhook);
    send(
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
    awaitLive();
    await()
        .atMost(SOON)
        .until(
            () ->
                !texts(
                            By.cssSelector(
                                "#outbox-body [data-notification-id='"
                                    + webhook.getNotificationId()
                                    + "']"))
                        .isEmpty()
                    && !texts(By.cssSelector("[data-post-id='phone-post']")).isEmpty());

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

  private <V> void send(Topic<String, V> topic, String key, V value) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic.name(),
                  key,
                  topic.valueSerde().serializer().serialize(topic.name(), value)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + topic.name(), e);
    }
  }

  private void awaitLive() {
    await()
        .atMost(SOON)
        .until(
            () ->
                "live"
                    .equals(
                        browser
                            .driver
                            .findElement(By.id("connection"))
                            .getDomAttribute("data-state")));
  }

  /** The element's text now, or "" while there is none (the page redraws a part on a change). */
  private String text(By by) {
    List<String> found = texts(by);
    return found.isEmpty() ? "" : found.get(0);
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

  /** The texts of the matching elements, read again if the page redrew them meanwhile. */
  private List<String> texts(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        return browser.driver.findElements(by).stream().map(WebElement::getText).toList();
      } catch (StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  private List<String> severeConsoleMessages() {
    return browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }
}
