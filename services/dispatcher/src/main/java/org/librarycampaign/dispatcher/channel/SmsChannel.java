package org.librarycampaign.dispatcher.channel;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import library.campaign.events.Notification;

/** A text message through an HTTP SMS gateway (see {@link SmsSettings}). */
public final class SmsChannel implements Channel {

  /** E.164-like: an optional +, then 6 to 15 digits (spaces, dashes, dots and brackets ignored). */
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");

  private final SmsSettings settings;
  private final HttpDelivery http;

  public SmsChannel(SmsSettings settings, Duration timeout) {
    this.settings = settings;
    this.http = new HttpDelivery(timeout);
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    String number = notification.getAddress().replaceAll("[\\s().-]", "");
    if (!PHONE.matcher(number).matches()) {
      return DeliveryOutcome.permanentFailure(
          "not a phone number: '" + notification.getAddress() + "'");
    }
    String body =
        render(
            settings.template(),
            settings.format(),
            Map.of(
                "to", number,
                "text", MessageText.sms(notification),
                "id", notification.getNotificationId(),
                "subject", notification.getSubject()));
    HttpRequest.Builder request =
        http.post(settings.url())
            .header("Content-Type", settings.format().contentType())
            .header(WebhookChannel.IDEMPOTENCY_KEY, notification.getNotificationId())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    settings.authToken().ifPresent(token -> request.header(settings.authHeader(), token.reveal()));
    return http.send(request.build());
  }

  /** The template with every placeholder replaced by its value, encoded for the format. */
  static String render(String template, SmsSettings.Format format, Map<String, String> values) {
    Matcher matcher = SmsSettings.PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), "");
      String encoded =
          format == SmsSettings.Format.FORM
              ? URLEncoder.encode(value, StandardCharsets.UTF_8)
              : jsonEscape(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(encoded));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String jsonEscape(String value) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(value));
  }
}
