package org.librarycampaign.dispatcher.channel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import library.campaign.events.Notification;
import org.librarycampaign.platform.config.Secret;

/**
 * POSTs the notification as JSON to the address (a URL): a {@code text} field that Slack,
 * Mattermost, Rocket.Chat and similar incoming webhooks show as-is, then the structured fields.
 * Headers: {@code Idempotency-Key} (the notification id, so a receiver can drop a repeat) and
 * {@code X-Campaign-Signature} (see {@link WebhookSignature}).
 */
public final class WebhookChannel implements Channel {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Secret secret;
  private final HttpDelivery http;

  public WebhookChannel(Secret secret, Duration timeout) {
    this.secret = secret;
    this.http = new HttpDelivery(timeout);
  }

  @Override
  public DeliveryOutcome deliver(Notification notification) {
    Optional<URI> url = HttpDelivery.httpUrl(notification.getAddress());
    if (url.isEmpty()) {
      // the address itself is not repeated: a webhook URL often carries its own token
      return DeliveryOutcome.permanentFailure("the address is not an http(s) URL");
    }
    byte[] body = NotificationJson.bytes(NotificationJson.webhookBody(notification));
    HttpRequest request =
        http.post(url.get())
            .header("Content-Type", "application/json; charset=utf-8")
            .header(IDEMPOTENCY_KEY, notification.getNotificationId())
            .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request);
  }
}
