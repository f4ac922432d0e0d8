package org.librarycampaign.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.testsupport.ServiceProcess;
import org.librarycampaign.testsupport.SharedStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 in the middle of a batch: the dispatcher runs as its own JVM ({@link ServiceProcess}), is
 * killed while a slow webhook peer and an SMTP server are receiving a batch, and is started again
 * on the same state. Counted at the receiving servers: every notification arrives at least once,
 * and none whose DELIVERED receipt was committed before the kill arrives again.
 */
class DispatcherCrashIT {

  private static final Logger LOGGER = LoggerFactory.getLogger(DispatcherCrashIT.class);
  private static final int WEBHOOKS = 45;
  private static final int EMAILS = 15;
  private static final int TOTAL = WEBHOOKS + EMAILS;

  private final RecordingHttpServer hooks =
      RecordingHttpServer.start().answerAfter(Duration.ofMillis(250));
  private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    hooks.close();
    smtp.stop();
  }

  @Test
  void killedMidBatchItDeliversEverythingAndRepeatsNothingThatWasDelivered() throws Exception {
    smtp.start();
    CampaignConfig config =
        SharedStack.get()
            .configFor("dispatcher-crash")
            .with(
                Map.ofEntries(
                    Map.entry(DispatcherSettings.SMTP_HOST, "127.0.0.1"),
                    Map.entry(
                        DispatcherSettings.SMTP_PORT, Integer.toString(smtp.getSmtp().getPort())),
                    Map.entry(DispatcherSettings.SMTP_SECURITY, "none"),
                    Map.entry(DispatcherSettings.SMTP_FROM, "alerts@library.example"),
                    Map.entry(DispatcherSettings.WEBHOOK_SECRET, "crash-secret"),
                    Map.entry(DispatcherSettings.THREADS, "1"),
                    Map.entry(DispatcherSettings.POLL_INTERVAL, "100ms")));
    ClusterFixture cluster = new ClusterFixture(config);
    List<Notification> batch = new ArrayList<>();
    for (int i = 0; i < TOTAL; i++) {
      batch.add(
          i % 4 == 3
              ? Samples.email("crash", "r" + i, "r" + i + "@eastside.example")
              : Samples.webhook("crash", "r" + i, hooks.url("/hook")));
    }
    assertThat(batch).filteredOn(n -> n.getAddress().startsWith("http")).hasSize(WEBHOOKS);
    cluster.send(batch);
    Path target = Files.createDirectories(Path.of("target", "crash-it").toAbsolutePath());
    Path logs = Files.createTempDirectory(target, "run-");

    try (var receipts = cluster.receipts()) {
      Process first = startDispatcher(config, logs.resolve("first.log"));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> delivered(receipts.poll().stream().map(r -> r.value()).toList()) >= 12);
      first.destroyForcibly();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
      Map<String, Long> receivedAtKill = received();
      receipts.poll();
      Set<String> deliveredBeforeKill = deliveredIds(receipts.values());
      LOGGER
          .atInfo()
          .addKeyValue("received", receivedAtKill.size())
          .addKeyValue("committedDelivered", deliveredBeforeKill.size())
          .log("Dispatcher killed");
      assertThat(receivedAtKill.size())
          .as("the kill must fall in the middle of the batch")
          .isLessThan(TOTAL);
      assertThat(deliveredBeforeKill).hasSizeGreaterThanOrEqualTo(12);

      Process second = startDispatcher(config, logs.resolve("second.log"));
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  deliveredIds(receipts.poll().stream().map(r -> r.value()).toList()).size()
                      == TOTAL);
      second.destroy();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      receipts.poll();

      Map<String, Long> receivedAtEnd = received();
      assertThat(receivedAtEnd.keySet())
          .containsExactlyInAnyOrderElementsOf(
              batch.stream().map(Notification::getNotificationId).toList());
      assertThat(receivedAtEnd.values()).allSatisfy(count -> assertThat(count).isPositive());
      for (String id : deliveredBeforeKill) {
        assertThat(receivedAtEnd.get(id))
            .as("arrivals of %s", id)
            .isEqualTo(receivedAtKill.get(id));
      }
      Map<String, List<DeliveryReceipt>> byId = ClusterFixture.byNotification(receipts.values());
      assertThat(byId.values())
          .allSatisfy(
              trail ->
                  assertThat(ClusterFixture.countWithStatus(trail, DeliveryStatus.DELIVERED))
                      .isEqualTo(1));
      long repeats = receivedAtEnd.values().stream().mapToLong(count -> count - 1).sum();
      LOGGER
          .atInfo()
          .addKeyValue("notifications", TOTAL)
          .addKeyValue("repeatedAfterKill", repeats)
          .log("Crash test done");
    }
  }

  private static long delivered(List<DeliveryReceipt> receipts) {
    return ClusterFixture.countWithStatus(receipts, DeliveryStatus.DELIVERED);
  }

  private static Set<String> deliveredIds(List<DeliveryReceipt> receipts) {
    return receipts.stream()
        .filter(r -> r.getStatus() == DeliveryStatus.DELIVERED)
        .map(DeliveryReceipt::getNotificationId)
        .collect(Collectors.toSet());
  }

  /** How often each notification arrived, at the HTTP server and at the SMTP server. */
  private Map<String, Long> received() throws MessagingException {
    Map<String, Long> counts =
        new TreeMap<>(
            hooks.requestsTo("/hook").stream()
                .collect(
                    Collectors.groupingBy(
                        r -> r.header("Idempotency-Key"), Collectors.counting())));
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      counts.merge(mail.getHeader("X-Campaign-Notification-Id", null), 1L, Long::sum);
    }
    return counts;
  }

  /** The dispatcher in a JVM of its own, on this JVM's class path, configured by environment. */
  private Process startDispatcher(CampaignConfig config, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                ServiceProcess.class.getName(),
                DispatcherService.NAME)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("CAMPAIGN_") || k.startsWith("KAFKA_"));
    environment.putAll(environmentOf(config));
    Process process = builder.start();
    processes.add(process);
    LOGGER
        .atInfo()
        .addKeyValue("pid", process.pid())
        .addKeyValue("log", log)
        .log("Dispatcher started");
    return process;
  }

  /** The config as the environment variables that CampaignConfig maps back to the same keys. */
  private static Map<String, String> environmentOf(CampaignConfig config) {
    Map<String, String> keys = new HashMap<>();
    for (String key :
        List.of(
            CampaignConfig.REGISTRY_URL,
            CampaignConfig.TOPIC_PREFIX,
            CampaignConfig.APPLICATION_ID_PREFIX,
            CampaignConfig.DATA_DIR,
            CampaignConfig.STATE_DIR,
            DispatcherSettings.SMTP_HOST,
            DispatcherSettings.SMTP_PORT,
            DispatcherSettings.SMTP_SECURITY,
            DispatcherSettings.SMTP_FROM,
            DispatcherSettings.WEBHOOK_SECRET,
            DispatcherSettings.THREADS,
            DispatcherSettings.POLL_INTERVAL)) {
      keys.put(key, config.get(key).orElseThrow());
    }
    Map<String, String> environment = new HashMap<>();
    Function<String, String> name =
        key -> key.toUpperCase(Locale.ROOT).replace("-", "__").replace('.', '_');
    keys.forEach((key, value) -> environment.put(name.apply(key), value));
    environment.put("KAFKA_BOOTSTRAP_SERVERS", config.bootstrapServers());
    environment.put("CAMPAIGN_HTTP_PORT", "0");
    // the killed instance stays in the consumer group until its session expires (45 s by
    // default), and the restarted one waits for that before it gets the partitions
    environment.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
    environment.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
    return environment;
  }
}
