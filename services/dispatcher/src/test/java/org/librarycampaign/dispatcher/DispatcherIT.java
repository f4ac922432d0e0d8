package org.librarycampaign.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import library.campaign.events.ContactChannel;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeliveryReceipt;
import library.campaign.events.DeliveryStatus;
import library.campaign.events.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.librarycampaign.dispatcher.channel.WebhookSignature;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.config.Secret;
import org.librarycampaign.platform.ops.OpsServer;
import org.librarycampaign.platform.ops.Readiness;
import org.librarycampaign.platform.service.RunningService;
import org.librarycampaign.platform.service.ServiceContext;
import org.librarycampaign.testsupport.SharedStack;

/**
 * The dispatcher as {@code campaign up} runs it, against the real broker and registry, a real SMTP
 * server and a real HTTP server, with peers that fail in every way the issue names.
 */
class DispatcherIT {

  private static final String SECRET = "it-webhook-secret";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private final RecordingHttpServer hooks = RecordingHttpServer.start();

  @AfterEach
  void stop() {
    hooks.close();
  }

  @Test
  void goodAddressesGoThroughWhileBadOnesRetryThenFail() throws Exception {
    CampaignConfig config =
        SharedStack.get()
            .configFor("dispatcher")
            .with(
                Map.ofEntries(
                    Map.entry(DispatcherSettings.SMTP_HOST, "127.0.0.1"),
                    Map.entry(
                        DispatcherSettings.SMTP_PORT, Integer.toString(SMTP.getSmtp().getPort())),
                    Map.entry(DispatcherSettings.SMTP_SECURITY, "none"),
                    Map.entry(DispatcherSettings.SMTP_FROM, "alerts@library.example"),
                    Map.entry(DispatcherSettings.WEBHOOK_SECRET, SECRET),
                    Map.entry(DispatcherSettings.MAX_ATTEMPTS, "3"),
                    Map.entry(DispatcherSettings.INITIAL_BACKOFF, "500ms"),
                    Map.entry(DispatcherSettings.MULTIPLIER, "2"),
                    Map.entry(DispatcherSettings.TIMEOUT, "1s"),
                    Map.entry(DispatcherSettings.POLL_INTERVAL, "100ms")));
    ClusterFixture cluster = new ClusterFixture(config);
    hooks.answer("/flaky", 503).answer("/hang", RecordingHttpServer.HANG).answer("/gone", 410);
    String refused = "http://127.0.0.1:" + RecordingHttpServer.closedPort() + "/hook";

    Notification email1 = Samples.email("inc-1", "r1", "jordan@eastside.example");
    Notification email2 = Samples.email("inc-1", "r2", "sam@eastside.example");
    Notification hook = Samples.webhook("inc-1", "r3", hooks.url("/comms"));
    Notification sms = Samples.notification("inc-1", "r4", ContactChannel.SMS, "+15550102030");
    Notification flaky = Samples.webhook("inc-1", "r5", hooks.url("/flaky"));
    Notification hanging = Samples.webhook("inc-1", "r6", hooks.url("/hang"));
    Notification unreachable = Samples.webhook("inc-1", "r7", refused);
    Notification gone = Samples.webhook("inc-1", "r8", hooks.url("/gone"));
    Notification notAnAddress = Samples.email("inc-1", "r9", "front desk");
    List<Notification> good = List.of(email1, email2, hook, sms);
    List<Notification> transientlyBad = List.of(flaky, hanging, unreachable);
    List<Notification> permanentlyBad = List.of(gone, notAnAddress);

    Readiness readiness = new Readiness();
    RunningService dispatcher =
        new DispatcherService().start(new ServiceContext(config, cluster.catalogue(), readiness));
    try (OpsServer http = OpsServer.start(0, readiness, List.of(dispatcher::addRoutes));
        var receipts = cluster.receipts();
        var deadLetters = cluster.deadLetters()) {
      cluster.send(
          List.of(flaky, hanging, unreachable, gone, notAnAddress, email1, email2, hook, sms));

      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  ClusterFixture.countWithStatus(
                          receipts.poll().stream().map(r -> r.value()).toList(),
                          DeliveryStatus.FAILED)
                      == 5);
      await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().size() == 5);
      receipts.poll();

      Map<String, List<DeliveryReceipt>> byId = ClusterFixture.byNotification(receipts.values());
      assertThat(byId).hasSize(9);
      for (Notification n : good) {
        assertThat(byId.get(n.getNotificationId()))
            .as(n.getNotificationId())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
                  assertThat(r.getAttempt()).isEqualTo(1);
                  assertThat(r.getOutbox()).isEqualTo(n == sms);
                });
      }
      for (Notification n : transientlyBad) {
        List<DeliveryReceipt> trail = byId.get(n.getNotificationId());
        assertThat(trail)
            .as(n.getNotificationId())
            .extracting(DeliveryReceipt::getStatus, DeliveryReceipt::getAttempt)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RETRYING, 1),
                org.assertj.core.groups.Tuple.tuple(DeliveryStatus.RETRYING, 2),
                org.assertj.core.groups.Tuple.tuple(DeliveryStatus.FAILED, 3));
        assertThat(trail.get(0).getNextAttemptAt()).isAfter(trail.get(0).getAt());
        assertThat(trail.get(2).getReason()).startsWith("gave up after 3 attempts: ");
      }
      assertThat(byId.get(flaky.getNotificationId()).get(0).getReason()).isEqualTo("HTTP 503");
      assertThat(byId.get(hanging.getNotificationId()).get(0).getReason())
          .isEqualTo("timed out after 1000 ms");
      assertThat(byId.get(unreachable.getNotificationId()).get(0).getReason())
          .startsWith("connection refused");
      for (Notification n : permanentlyBad) {
        assertThat(byId.get(n.getNotificationId()))
            .as(n.getNotificationId())
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.getStatus()).isEqualTo(DeliveryStatus.FAILED);
                  assertThat(r.getAttempt()).isEqualTo(1);
                  assertThat(r.getReason()).startsWith("permanent failure: ");
                });
      }

      // the good ones were not held up behind the bad ones, which were sent first
      Instant firstGiveUp =
          transientlyBad.stream()
              .map(n -> byId.get(n.getNotificationId()).get(2).getAt())
              .min(Instant::compareTo)
              .orElseThrow();
      for (Notification n : good) {
        assertThat(byId.get(n.getNotificationId()).get(0).getAt()).isBefore(firstGiveUp);
      }

      assertThat(deadLetters.values())
          .extracting(DeadLetter::getErrorMessage)
          .hasSize(5)
          .allSatisfy(m -> assertThat(m).contains(" failed: "));
      assertThat(deadLetters.poll())
          .extracting(r -> r.key())
          .containsExactlyInAnyOrder(
              flaky.getNotificationId(),
              hanging.getNotificationId(),
              unreachable.getNotificationId(),
              gone.getNotificationId(),
              notAnAddress.getNotificationId());

      MimeMessage[] mails = SMTP.getReceivedMessages();
      assertThat(mails)
          .extracting(MimeMessage::getMessageID)
          .containsExactlyInAnyOrder(
              "<inc-1/0/r1/EMAIL@library.example>", "<inc-1/0/r2/EMAIL@library.example>");
      assertThat(mails)
          .extracting(MimeMessage::getSubject)
          .containsOnly("[HIGH] Book challenge at Eastside");

      List<RecordingHttpServer.Request> delivered = hooks.requestsTo("/comms");
      assertThat(delivered).hasSize(1);
      assertThat(delivered.get(0).header("Idempotency-Key")).isEqualTo("inc-1/0/r3/WEBHOOK");
      assertThat(
              WebhookSignature.verify(
                  new Secret(SECRET),
                  delivered.get(0).body(),
                  delivered.get(0).header("X-Campaign-Signature")))
          .isTrue();
      assertThat(hooks.count("/flaky")).isEqualTo(3);
      assertThat(hooks.count("/hang")).isEqualTo(3);
      assertThat(hooks.count("/gone")).isEqualTo(1);

      HttpResponse<String> outbox =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + http.port() + DispatcherService.OUTBOX_ROUTE))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode entries = new ObjectMapper().readTree(outbox.body());
      assertThat(entries).hasSize(1);
      assertThat(entries.get(0).path("notificationId").asText()).isEqualTo("inc-1/0/r4/SMS");
      assertThat(entries.get(0).path("outbox").asText()).startsWith("NOT SENT: SMS has no");
      assertThat(readiness.isReady()).isTrue();
    } finally {
      dispatcher.close();
    }
  }
}
