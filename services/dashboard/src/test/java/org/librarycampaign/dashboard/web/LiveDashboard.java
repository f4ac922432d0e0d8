package org.librarycampaign.dashboard.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.librarycampaign.dashboard.DashboardService;
import org.librarycampaign.dashboard.DashboardSettings;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The browser tests' stack: the dashboard service on the real broker and registry ({@link
 * SharedStack}, topics of its own), its HTTP server, a producer writing records with the real
 * serdes (as the other services write them), and headless Chromium logged in as one viewer.
 */
final class LiveDashboard implements AutoCloseable {

  static final Duration SOON = Duration.ofSeconds(15);

  final CampaignConfig config;
  final TopicCatalogue topics;
  final Browser browser;

  /** The page's address, {@code http://localhost:<port>/}. */
  final String page;

  private final RunningService dashboard;
  private final OpsServer http;
  private final KafkaProducer<String, byte[]> producer;

  private LiveDashboard(
      CampaignConfig config,
      TopicCatalogue topics,
      RunningService dashboard,
      OpsServer http,
      KafkaProducer<String, byte[]> producer,
      Browser browser) {
    this.config = config;
    this.topics = topics;
    this.dashboard = dashboard;
    this.http = http;
    this.producer = producer;
    this.browser = browser;
    this.page = "http://localhost:" + http.port() + "/";
  }

  /**
   * Starts the stack and logs {@code user} in.
   *
   * @param name the test's own name on the shared broker (topic prefix, application id)
   * @param zone {@code campaign.dashboard.zone}
   * @param viewersFile the viewers file's lines (see the README, "Logging in")
   */
  static LiveDashboard start(
      String name, String zone, String viewersFile, String user, String password)
      throws IOException {
    Path viewers = Files.createTempFile("dashboard-viewers", ".properties");
    viewers.toFile().deleteOnExit();
    Files.writeString(viewers, viewersFile);
    CampaignConfig config =
        SharedStack.get()
            .configFor(name)
            .with(
                Map.of(
                    DashboardSettings.ZONE,
                    zone,
                    DashboardSettings.REFRESH_INTERVAL,
                    "200ms",
                    DashboardSettings.VIEWERS_FILE,
                    viewers.toString()));
    TopicCatalogue topics = SharedStack.createTopics(config);
    Readiness readiness = new Readiness();
    RunningService dashboard =
        new DashboardService().start(new ServiceContext(config, topics, readiness));
    OpsServer http = OpsServer.start(0, readiness, List.of(dashboard::addRoutes));
    await().atMost(Duration.ofSeconds(60)).until(readiness::isReady);
    Properties producerProperties = new Properties();
    producerProperties.putAll(config.kafkaProperties());
    producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
    KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    Browser browser = Browser.start(1280, 900);
    LiveDashboard live = new LiveDashboard(config, topics, dashboard, http, producer, browser);
    browser.logIn(URI.create(live.page), user, password);
    return live;
  }

  /** Writes a record, as the service that owns the topic would, and waits for the broker. */
  <V> void send(Topic<String, V> topic, String key, V value) {
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

  /** Writes bytes as they are: a record no serde can read. */
  void sendBytes(String topic, String key, byte[] value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not produce to " + topic, e);
    }
  }

  /** Waits until the page's live stream is connected. */
  void awaitLive() {
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
  String text(By by) {
    List<String> found = texts(by);
    return found.isEmpty() ? "" : found.get(0);
  }

  /** The texts of the matching elements, read again if the page redrew them meanwhile. */
  List<String> texts(By by) {
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

  JavascriptExecutor js() {
    return browser.driver;
  }

  /** What the page's script logged as SEVERE (errors). */
  List<String> severeConsoleMessages() {
    return browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /**
   * The browser first, then the producer; then, as {@code campaign up} does, the service (so that
   * it closes its live streams while the server can still end them), then the server.
   */
  @Override
  public void close() {
    browser.close();
    producer.close();
    dashboard.close();
    http.close();
  }
}
