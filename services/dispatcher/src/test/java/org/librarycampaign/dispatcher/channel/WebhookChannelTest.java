package org.librarycampaign.dispatcher.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import library.campaign.events.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dispatcher.RecordingHttpServer;
import org.librarycampaign.dispatcher.Samples;
import org.librarycampaign.platform.config.Secret;

class WebhookChannelTest {

  private static final String SECRET = "shared-webhook-secret";

  private final RecordingHttpServer server = RecordingHttpServer.start();
  private final WebhookChannel channel =
      new WebhookChannel(new Secret(SECRET), Duration.ofMillis(700));

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void postsJsonWithTextIdempotencyKeyAndAVerifyingSignature() throws Exception {
    Notification notification = Samples.webhook("i1", "r1", server.url("/hooks/comms"));

    DeliveryOutcome outcome = channel.deliver(notification);

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(false, null));
    List<RecordingHttpServer.Request> requests = server.requestsTo("/hooks/comms");
    assertThat(requests).hasSize(1);
    RecordingHttpServer.Request request = requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(request.header("Idempotency-Key")).isEqualTo("i1/0/r1/WEBHOOK");
    // what a receiver does: HMAC-SHA256 over the raw body with the shared secret, in hex
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(request.body()));
    assertThat(request.header("X-Campaign-Signature")).isEqualTo(expected);
    assertThat(WebhookSignature.verify(new Secret(SECRET), request.body(), expected)).isTrue();
    assertThat(WebhookSignature.verify(new Secret("other"), request.body(), expected)).isFalse();

    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.path("text").asText())
        .isEqualTo(
            "[HIGH] Book challenge at Eastside\n\n"
                + "A challenge to 'Gender Queer' is trending.\n1. Check the facts\n2. Call comms"
                + "\n\nAcknowledge: https://campaign.example/ack/signed-i1");
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly(
            "text",
            "notificationId",
            "incidentId",
            "branchId",
            "kind",
            "tier",
            "severity",
            "recipient",
            "channel",
            "address",
            "subject",
            "summary",
            "body",
            "steps",
            "acknowledgeUrl",
            "ackUrl",
            "createdAt");
    assertThat(body.path("ackUrl").asText()).isEqualTo("https://campaign.example/ack/signed-i1");
    assertThat(body.path("notificationId").asText()).isEqualTo("i1/0/r1/WEBHOOK");
    assertThat(body.path("severity").asText()).isEqualTo("HIGH");
    assertThat(body.path("recipient").path("responderId").asText()).isEqualTo("r1");
    assertThat(body.path("steps").get(1).asText()).isEqualTo("Call comms");
    assertThat(body.path("createdAt").asText()).isEqualTo("2026-12-01T15:00:00Z");
  }

  @Test
  void serverErrorsAndTooManyRequestsAreWorthAnotherTry() {
    server.answer("/500", 500).answer("/503", 503).answer("/429", 429);

    for (String path : List.of("/500", "/503", "/429")) {
      DeliveryOutcome outcome = channel.deliver(Samples.webhook("i2", "r1", server.url(path)));
      assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed(false, "HTTP " + path.substring(1)));
    }
  }

  @Test
  void clientErrorsFailForGood() {
    server.answer("/gone", 410).answer("/missing", 404).answer("/forbidden", 403);

    for (var answer :
        List.of(
            List.of("/gone", "410"), List.of("/missing", "404"), List.of("/forbidden", "403"))) {
      DeliveryOutcome outcome =
          channel.deliver(Samples.webhook("i3", "r1", server.url(answer.get(0))));
      assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed(true, "HTTP " + answer.get(1)));
    }
  }

  @Test
  void aPeerThatDoesNotAnswerTimesOut() {
    server.answer("/hang", RecordingHttpServer.HANG);

    DeliveryOutcome outcome = channel.deliver(Samples.webhook("i4", "r1", server.url("/hang")));

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Failed(false, "timed out after 700 ms"));
  }

  @Test
  void aRefusedConnectionIsWorthAnotherTry() {
    String url = "http://127.0.0.1:" + RecordingHttpServer.closedPort() + "/hook";

    DeliveryOutcome outcome = channel.deliver(Samples.webhook("i5", "r1", url));

    assertThat(outcome).isInstanceOf(DeliveryOutcome.Failed.class);
    assertThat(((DeliveryOutcome.Failed) outcome).permanent()).isFalse();
    assertThat(((DeliveryOutcome.Failed) outcome).reason())
        .startsWith("connection refused or unreachable");
  }

  @Test
  void anAddressThatIsNotAUrlFailsForGood() {
    for (String address : List.of("jordan@eastside.example", "ftp://x.example/h", "::not a url")) {
      DeliveryOutcome outcome = channel.deliver(Samples.webhook("i6", "r1", address));
      assertThat(outcome)
          .isEqualTo(new DeliveryOutcome.Failed(true, "the address is not an http(s) URL"));
    }
    assertThat(server.requests()).isEmpty();
  }
}
