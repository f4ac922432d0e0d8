package org.librarycampaign.publisher.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.librarycampaign.publisher.channel.Secret;
import org.librarycampaign.publisher.channel.WebhookSignature;

/**
 * Another scheduler's webhook: {@code POST /hook}, which verifies {@code X-Campaign-Signature} over
 * the raw body and keeps one post per {@code Idempotency-Key}, as a receiver should.
 */
public final class WebhookReceiver extends FakeRemote {

  static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String SECRET = "webhook-secret-456";

  public final Map<String, JsonNode> postsByKey = new ConcurrentHashMap<>();
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @Override
  Consumer<RoutesConfig> routes() {
    return routes ->
        routes.post(
            "/hook",
            ctx -> {
              byte[] body = ctx.bodyAsBytes();
              String key = ctx.header("Idempotency-Key");
              calls.add(String.valueOf(key));
              pause();
              if (!WebhookSignature.verify(
                  new Secret(SECRET), body, ctx.header(WebhookSignature.HEADER))) {
                problem("bad signature for " + key);
                ctx.status(401).result("bad signature");
                return;
              }
              if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                ctx.status(500).result("oops");
                return;
              }
              JsonNode post = MAPPER.readTree(body);
              if (!String.valueOf(key).equals(post.path("idempotencyKey").asText())) {
                problem("Idempotency-Key " + key + " is not the body's");
              }
              postsByKey.putIfAbsent(key, post);
              ctx.status(201).json(Map.of("id", "hook-" + key, "url", baseUrl() + "/p/" + key));
            });
  }
}
