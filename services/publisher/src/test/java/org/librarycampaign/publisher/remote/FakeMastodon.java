package org.librarycampaign.publisher.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.UploadedFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Mastodon's API as far as the publisher uses it: {@code POST /api/v2/media} (multipart {@code
 * file} and {@code description}; every other upload answers 202 and is ready at the second {@code
 * GET /api/v1/media/:id}), {@code POST /api/v1/statuses} (JSON, bearer token, {@code
 * Idempotency-Key}: a repeated key gets the first status back, as Mastodon does).
 */
public final class FakeMastodon extends FakeRemote {

  static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String TOKEN = "mastodon-token-123";

  /** A status the server made. */
  public record Status(String id, String idempotencyKey, String text, List<String> mediaIds) {}

  public final Map<String, Status> statusesByKey = new ConcurrentHashMap<>();
  public final List<String> statusCalls = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, String> mediaDescriptions = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mediaPolls = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(100);

  @Override
  Consumer<RoutesConfig> routes() {
    return routes -> {
      routes.post(
          "/api/v2/media",
          ctx -> {
            if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
              ctx.status(401).json(Map.of("error", "The access token is invalid"));
              return;
            }
            if (ctx.contentType() == null || !ctx.contentType().startsWith("multipart/form-data")) {
              problem("media upload is not multipart: " + ctx.contentType());
            }
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null || !Arrays.equals(file.content().readAllBytes(), PNG)) {
              problem("media upload without the image bytes as 'file'");
              ctx.status(422).json(Map.of("error", "Validation failed: File can't be blank"));
              return;
            }
            String id = "m" + ids.incrementAndGet();
            mediaDescriptions.put(id, String.valueOf(ctx.formParam("description")));
            boolean processing = ids.get() % 2 == 0;
            if (processing) {
              mediaPolls.put(id, new AtomicInteger());
            }
            ctx.status(processing ? 202 : 200).json(media(id, !processing));
          });
      routes.get(
          "/api/v1/media/{id}",
          ctx -> {
            String id = ctx.pathParam("id");
            AtomicInteger polls = mediaPolls.get(id);
            boolean ready = polls == null || polls.incrementAndGet() >= 2;
            ctx.status(ready ? 200 : 206).json(media(id, ready));
          });
      routes.post(
          "/api/v1/statuses",
          ctx -> {
            String key = ctx.header("Idempotency-Key");
            statusCalls.add(String.valueOf(key));
            pause();
            if (!("Bearer " + TOKEN).equals(ctx.header("Authorization"))) {
              ctx.status(401).json(Map.of("error", "The access token is invalid"));
              return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              ctx.status(503).result("Service Unavailable");
              return;
            }
            if (key == null || key.isBlank()) {
              problem("status without an Idempotency-Key");
            }
            JsonNode body = MAPPER.readTree(ctx.bodyAsBytes());
            String text = body.path("status").asText("");
            if (text.isBlank()) {
              ctx.status(422).json(Map.of("error", "Validation failed: Text can't be blank"));
              return;
            }
            List<String> media = new ArrayList<>();
            body.path("media_ids").forEach(m -> media.add(m.asText()));
            for (String id : media) {
              if (!mediaDescriptions.containsKey(id)) {
                problem("status names unknown media " + id);
              }
              AtomicInteger polls = mediaPolls.get(id);
              if (polls != null && polls.get() < 2) {
                ctx.status(422)
                    .json(Map.of("error", "Cannot attach files that have not finished processing"));
                return;
              }
            }
            Status status =
                statusesByKey.computeIfAbsent(
                    key, k -> new Status(String.valueOf(ids.incrementAndGet()), k, text, media));
            ctx.json(
                Map.of(
                    "id", status.id(),
                    "url", baseUrl() + "/@eastside/" + status.id(),
                    "content", "<p>" + status.text() + "</p>"));
          });
    };
  }

  private Map<String, Object> media(String id, boolean ready) {
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("id", id);
    media.put("type", "image");
    media.put("url", ready ? baseUrl() + "/media/" + id + ".png" : null);
    return media;
  }
}
