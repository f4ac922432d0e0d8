package org.librarycampaign.publisher.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Publishes to a Mastodon server with an access token (scope {@code write:statuses write:media}):
 *
 * <ol>
 *   <li>each visual is fetched from its URL and uploaded with {@code POST /api/v2/media}
 *       (multipart: {@code file}, {@code description} = the alt text). A 202 answer means the
 *       server still processes it: {@code GET /api/v1/media/:id} is asked (at most {@link
 *       #MEDIA_POLLS} times, {@link #MEDIA_POLL_PAUSE_MS} ms apart) until it answers 200;
 *   <li>{@code POST /api/v1/statuses} with a JSON body {@code {"status", "media_ids", "visibility":
 *       "public"}} and the header {@code Idempotency-Key: postId/revision}: Mastodon answers a
 *       repeat with the same key (kept for an hour) with the status it made the first time, instead
 *       of posting again.
 * </ol>
 *
 * The receipt carries the status {@code id} and {@code url}. A repeat after a crash uploads the
 * visuals again (unattached media are removed by the server), but makes no second status.
 */
public final class MastodonPublisher implements Publisher {

  static final int MEDIA_POLLS = 10;
  static final long MEDIA_POLL_PAUSE_MS = 500;

  private final URI base;
  private final Secret token;
  private final Http http;
  private final MediaFetcher media;

  public MastodonPublisher(URI base, Secret token, java.time.Duration timeout) {
    this.base = base;
    this.token = token;
    this.http = new Http(timeout);
    this.media = new MediaFetcher(http);
  }

  @Override
  public PublisherKind kind() {
    return PublisherKind.MASTODON;
  }

  @Override
  public PublishOutcome publish(PostState post) {
    try {
      List<String> mediaIds = new ArrayList<>();
      for (PostState.Visual visual : post.media()) {
        mediaIds.add(upload(media.fetch(visual)));
      }
      ObjectNode body = Http.MAPPER.createObjectNode();
      body.put("status", PostText.compose(post));
      mediaIds.forEach(body.putArray("media_ids")::add);
      body.put("visibility", "public");
      HttpRequest request =
          authorized(Http.resolve(base, "/api/v1/statuses"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", post.idempotencyKey())
              .POST(HttpRequest.BodyPublishers.ofByteArray(Http.MAPPER.writeValueAsBytes(body)))
              .build();
      JsonNode status = http.expectOk(request, "POST /api/v1/statuses").json();
      String id = status.path("id").asText(null);
      if (id == null) {
        return PublishOutcome.transientFailure("POST /api/v1/statuses answered without an id");
      }
      return PublishOutcome.published(
          id, status.path("url").asText(status.path("uri").asText(null)));
    } catch (Http.CallFailed e) {
      return e.outcome();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return PublishOutcome.permanentFailure("cannot write the status: " + e.getMessage());
    }
  }

  private String upload(MediaFetcher.Fetched visual) throws Http.CallFailed {
    String boundary = "campaign-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(
        body,
        boundary,
        "form-data; name=\"file\"; filename=\"" + safe(visual.fileName()) + "\"",
        visual.contentType(),
        visual.bytes());
    if (visual.altText() != null && !visual.altText().isBlank()) {
      part(
          body,
          boundary,
          "form-data; name=\"description\"",
          "text/plain; charset=UTF-8",
          visual.altText().getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest request =
        authorized(Http.resolve(base, "/api/v2/media"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    Http.Answer answer = http.expectOk(request, "POST /api/v2/media");
    String id = answer.json().path("id").asText(null);
    if (id == null) {
      throw Http.failed(
          PublishOutcome.transientFailure("POST /api/v2/media answered without an id"));
    }
    if (answer.status() == 202) {
      awaitProcessed(id);
    }
    return id;
  }

  private void awaitProcessed(String id) throws Http.CallFailed {
    for (int poll = 0; poll < MEDIA_POLLS; poll++) {
      try {
        Thread.sleep(MEDIA_POLL_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Http.failed(
            PublishOutcome.transientFailure("interrupted while media " + id + " was processed"));
      }
      Http.Answer answer =
          http.send(
              authorized(Http.resolve(base, "/api/v1/media/" + id)).GET().build(),
              "GET /api/v1/media/" + id);
      if (answer.status() == 200) {
        return;
      }
      if (answer.status() != 206) {
        throw Http.failed(Http.outcomeOf("GET /api/v1/media/" + id, answer));
      }
    }
    throw Http.failed(
        PublishOutcome.transientFailure("media " + id + " was still being processed"));
  }

  private HttpRequest.Builder authorized(URI uri) {
    return http.request(uri).header("Authorization", "Bearer " + token.reveal());
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] bytes) {
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: "
            + disposition
            + "\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  private static String safe(String fileName) {
    return fileName.replaceAll("[\"\\\\\r\n]", "_");
  }
}
