package org.librarycampaign.dispatcher.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import library.campaign.events.ContactChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dispatcher.RecordingHttpServer;
import org.librarycampaign.dispatcher.Samples;
import org.librarycampaign.platform.ack.ReplyCodes;
import org.librarycampaign.platform.config.Secret;

class SmsChannelTest {

  private final RecordingHttpServer gateway = RecordingHttpServer.start();

  @AfterEach
  void stop() {
    gateway.close();
  }

  private SmsChannel channel(SmsSettings.Format format, String template) {
    return new SmsChannel(
        new SmsSettings(
            URI.create(gateway.url("/sms")),
            "Authorization",
            Optional.of(new Secret("Bearer gateway-token")),
            format,
            template),
        Duration.ofSeconds(2));
  }

  @Test
  void postsAFormBodyFromTheTemplateWithTheAuthHeader() {
    SmsChannel sms = channel(SmsSettings.Format.FORM, "To={to}&From=%2B15550100&Body={text}");

    DeliveryOutcome outcome =
        sms.deliver(Samples.notification("i1", "r1", ContactChannel.SMS, "+1 (555) 010-2030"));

    assertThat(outcome).isEqualTo(new DeliveryOutcome.Delivered(false, null));
    RecordingHttpServer.Request request = gateway.requestsTo("/sms").get(0);
    assertThat(request.header("Authorization")).isEqualTo("Bearer gateway-token");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.header("Idempotency-Key")).isEqualTo("i1/0/r1/SMS");
    Map<String, String> form =
        Arrays.stream(request.bodyText().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(
                Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    assertThat(form)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "To", "+15550102030",
                "From", "+15550100",
                "Body",
                    "[HIGH] Book challenge at Eastside: A challenge to 'Gender Queer' is trending"
                        + " Acknowledge: https://campaign.example/ack/signed-i1 Reply "
                        + ReplyCodes.number("i1")
                        + "A to acknowledge, "
                        + ReplyCodes.number("i1")
                        + "E to escalate now."));
  }

  @Test
  void postsAJsonBodyWithEscapedValues() throws Exception {
    SmsChannel sms = channel(SmsSettings.Format.JSON, SmsSettings.Format.JSON.defaultTemplate());

    sms.deliver(Samples.notification("i2", "r1", ContactChannel.SMS, "+15550102030"));

    RecordingHttpServer.Request request = gateway.requestsTo("/sms").get(0);
    assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertThat(body.path("to").asText()).isEqualTo("+15550102030");
    assertThat(body.path("reference").asText()).isEqualTo("i2/0/r1/SMS");
    assertThat(body.path("text").asText()).contains("'Gender Queer'");
  }

  @Test
  void jsonValuesCannotBreakOutOfTheirString() {
    String body =
        SmsChannel.render(
            "{\"text\":\"{text}\"}",
            SmsSettings.Format.JSON,
            Map.of("text", "say \"hi\"\\\n", "to", "", "id", "", "subject", ""));

    assertThat(body).isEqualTo("{\"text\":\"say \\\"hi\\\"\\\\\\n\"}");
  }

  @Test
  void gatewayErrorsAreClassifiedLikeAnyHttpPeer() {
    gateway.answer("/sms", 502);
    SmsChannel sms = channel(SmsSettings.Format.FORM, SmsSettings.Format.FORM.defaultTemplate());

    assertThat(sms.deliver(Samples.notification("i3", "r1", ContactChannel.SMS, "+15550102030")))
        .isEqualTo(new DeliveryOutcome.Failed(false, "HTTP 502"));
    gateway.answer("/sms", 400);
    assertThat(sms.deliver(Samples.notification("i3", "r1", ContactChannel.SMS, "+15550102030")))
        .isEqualTo(new DeliveryOutcome.Failed(true, "HTTP 400"));
  }

  @Test
  void aNumberThatIsNotOneFailsForGoodWithoutCallingTheGateway() {
    SmsChannel sms = channel(SmsSettings.Format.FORM, SmsSettings.Format.FORM.defaultTemplate());

    DeliveryOutcome outcome =
        sms.deliver(Samples.notification("i4", "r1", ContactChannel.SMS, "call the front desk"));

    assertThat(outcome)
        .isEqualTo(new DeliveryOutcome.Failed(true, "not a phone number: 'call the front desk'"));
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void anUnknownPlaceholderIsRefusedAtStart() {
    assertThatThrownBy(
            () ->
                new SmsSettings(
                    URI.create("https://sms.example/send"),
                    "Authorization",
                    Optional.empty(),
                    SmsSettings.Format.FORM,
                    "to={phone}&text={text}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{phone}");
  }

  @Test
  void theTokenNeverShowsInTheSettings() {
    SmsSettings settings =
        new SmsSettings(
            URI.create("https://sms.example/send"),
            "Authorization",
            Optional.of(new Secret("Bearer gateway-token")),
            SmsSettings.Format.FORM,
            SmsSettings.Format.FORM.defaultTemplate());

    assertThat(settings.toString()).doesNotContain("gateway-token").contains("******");
  }
}
