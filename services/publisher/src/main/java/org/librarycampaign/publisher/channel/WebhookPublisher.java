package org.librarycampaign.publisher.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Hands a post to any other scheduler (Buffer, Postiz, Zapier, your own) as a signed webhook: a
 * {@code POST} of the post's JSON ({@link PostJson}: {@code text} is what to publish) with {@code
 * Content-Type: application/json}, {@code Idempotency-Key: postId/revision} and {@code
 * X-Campaign-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>}, the dispatcher's
 * scheme. A 2xx answer is PUBLISHED; if its body is JSON with {@code id} and {@code url}, the
 * receipt carries them.
 */
public final class WebhookPublisher implements Publisher {

  private final URI url;
  private final Secret secret;
  private final Http http;

  public WebhookPublisher(URI url, Secret secret, Duration timeout) {
    this.url = url;
    this.secret = secret;
    this.http = new Http(timeout);
  }

  @Override
  public PublisherKind kind() {
    return PublisherKind.WEBHOOK;
  }

  @Override
  public PublishOutcome publish(PostState post) {
    byte[] body;
    try {
      body = Http.MAPPER.writeValueAsBytes(PostJson.of(post));
    } catch (JsonProcessingException e) {
      return PublishOutcome.permanentFailure("cannot write the webhook body: " + e.getMessage());
    }
    HttpRequest request =
        http.request(url)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", post.idempotencyKey())
            .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      Http.Answer answer = http.expectOk(request, "POST " + url.getHost());
      String id = null;
      String link = null;
      try {
        JsonNode json = Http.MAPPER.readTree(answer.body());
        if (json != null && json.isObject()) {
          id = json.path("id").isValueNode() ? json.path("id").asText() : null;
          link = json.path("url").isValueNode() ? json.path("url").asText() : null;
        }
      } catch (java.io.IOException e) {
        // an answer that is not JSON is fine: the post was accepted
      }
      return PublishOutcome.published(id, link);
    } catch (Http.CallFailed e) {
      return e.outcome();
    }
  }
}
