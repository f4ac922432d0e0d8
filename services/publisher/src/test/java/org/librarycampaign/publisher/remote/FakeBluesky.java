package org.librarycampaign.publisher.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A PDS as far as the publisher uses the AT Protocol: {@code com.atproto.server.createSession},
 * {@code com.atproto.repo.getRecord}, {@code com.atproto.repo.uploadBlob}, {@code
 * com.atproto.identity.resolveHandle} and {@code com.atproto.repo.createRecord} of {@code
 * app.bsky.feed.post}, checking what the lexicons require: a TID record key, {@code $type}, {@code
 * text}, {@code createdAt}, facets whose UTF-8 byte ranges lie inside the text with a known
 * feature, image embeds whose blobs were uploaded. A record key that exists is refused, as a PDS
 * does.
 */
public final class FakeBluesky extends FakeRemote {

  static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String HANDLE = "eastside.example.org";
  public static final String DID = "did:plc:eastside0000000000000001";
  public static final String PASSWORD = "abcd-efgh-ijkl-mnop";
  static final String JWT = "access-jwt-1";
  static final Pattern TID =
      Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");

  /** Handles that resolve, and their DIDs. */
  public final Map<String, String> handles =
      new ConcurrentHashMap<>(Map.of("mayor.example.gov", "did:plc:mayor000000000000000001"));

  /** The records made, by record key. */
  public final Map<String, JsonNode> records = new ConcurrentHashMap<>();

  public final List<String> createCalls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> blobs = new ConcurrentHashMap<>();

  @Override
  Consumer<RoutesConfig> routes() {
    return routes -> {
      routes.post(
          "/xrpc/com.atproto.server.createSession",
          ctx -> {
            JsonNode body = MAPPER.readTree(ctx.bodyAsBytes());
            if (!HANDLE.equals(body.path("identifier").asText())
                || !PASSWORD.equals(body.path("password").asText())) {
              ctx.status(401)
                  .json(Map.of("error", "AuthenticationRequired", "message", "Invalid password"));
              return;
            }
            ctx.json(
                Map.of(
                    "accessJwt", JWT,
                    "refreshJwt", "refresh-jwt-1",
                    "handle", HANDLE,
                    "did", DID));
          });
      routes.get(
          "/xrpc/com.atproto.repo.getRecord",
          ctx -> {
            if (!authorized(ctx)) {
              return;
            }
            JsonNode record = records.get(String.valueOf(ctx.queryParam("rkey")));
            if (!DID.equals(ctx.queryParam("repo"))
                || !"app.bsky.feed.post".equals(ctx.queryParam("collection"))) {
              problem("getRecord of " + ctx.queryString());
            }
            if (record == null) {
              ctx.status(400)
                  .json(Map.of("error", "RecordNotFound", "message", "Could not locate record"));
              return;
            }
            ctx.json(
                Map.of("uri", uri(ctx.queryParam("rkey")), "cid", "bafyreicid", "value", record));
          });
      routes.get(
          "/xrpc/com.atproto.identity.resolveHandle",
          ctx -> {
            String did = handles.get(String.valueOf(ctx.queryParam("handle")));
            if (did == null) {
              ctx.status(400)
                  .json(Map.of("error", "InvalidRequest", "message", "Unable to resolve handle"));
              return;
            }
            ctx.json(Map.of("did", did));
          });
      routes.post(
          "/xrpc/com.atproto.repo.uploadBlob",
          ctx -> {
            if (!authorized(ctx)) {
              return;
            }
            byte[] bytes = ctx.bodyAsBytes();
            if (!Arrays.equals(bytes, PNG) || !"image/png".equals(ctx.contentType())) {
              problem("blob upload of " + bytes.length + " bytes as " + ctx.contentType());
            }
            String link = "bafkreiblob" + blobs.size();
            blobs.put(link, bytes.length);
            ctx.json(
                Map.of(
                    "blob",
                    Map.of(
                        "$type",
                        "blob",
                        "ref",
                        Map.of("$link", link),
                        "mimeType",
                        String.valueOf(ctx.contentType()),
                        "size",
                        bytes.length)));
          });
      routes.post(
          "/xrpc/com.atproto.repo.createRecord",
          ctx -> {
            if (!authorized(ctx)) {
              return;
            }
            JsonNode body = MAPPER.readTree(ctx.bodyAsBytes());
            String rkey = body.path("rkey").asText();
            createCalls.add(rkey);
            pause();
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              ctx.status(502).json(Map.of("error", "UpstreamFailure", "message", "try later"));
              return;
            }
            check(body);
            if (records.putIfAbsent(rkey, body.path("record")) != null) {
              ctx.status(400)
                  .json(Map.of("error", "InvalidRequest", "message", "Record already exists"));
              return;
            }
            ctx.json(Map.of("uri", uri(rkey), "cid", "bafyreicid-" + rkey));
          });
    };
  }

  private String uri(String rkey) {
    return "at://" + DID + "/app.bsky.feed.post/" + rkey;
  }

  private boolean authorized(Context ctx) {
    if (!("Bearer " + JWT).equals(ctx.header("Authorization"))) {
      ctx.status(401).json(Map.of("error", "AuthenticationRequired", "message", "no token"));
      return false;
    }
    return true;
  }

  private void check(JsonNode body) {
    if (!DID.equals(body.path("repo").asText())) {
      problem("createRecord repo " + body.path("repo"));
    }
    if (!"app.bsky.feed.post".equals(body.path("collection").asText())) {
      problem("createRecord collection " + body.path("collection"));
    }
    if (!TID.matcher(body.path("rkey").asText()).matches()) {
      problem("rkey is not a TID: " + body.path("rkey"));
    }
    JsonNode record = body.path("record");
    if (!"app.bsky.feed.post".equals(record.path("$type").asText())) {
      problem("record $type " + record.path("$type"));
    }
    if (!record.path("text").isTextual() || !record.path("createdAt").isTextual()) {
      problem("record without text or createdAt");
    }
    byte[] text = record.path("text").asText().getBytes(StandardCharsets.UTF_8);
    for (JsonNode facet : record.path("facets")) {
      int start = facet.path("index").path("byteStart").asInt(-1);
      int end = facet.path("index").path("byteEnd").asInt(-1);
      if (start < 0 || end <= start || end > text.length) {
        problem("facet range " + start + ".." + end + " outside " + text.length + " bytes");
        continue;
      }
      String covered = new String(text, start, end - start, StandardCharsets.UTF_8);
      JsonNode feature = facet.path("features").path(0);
      String type = feature.path("$type").asText();
      switch (type) {
        case "app.bsky.richtext.facet#link" -> {
          if (!covered.equals(feature.path("uri").asText())) {
            problem("link facet covers '" + covered + "', uri " + feature.path("uri"));
          }
        }
        case "app.bsky.richtext.facet#tag" -> {
          if (!covered.equals("#" + feature.path("tag").asText())) {
            problem("tag facet covers '" + covered + "', tag " + feature.path("tag"));
          }
        }
        case "app.bsky.richtext.facet#mention" -> {
          String did = handles.get(covered.substring(1));
          if (did == null || !did.equals(feature.path("did").asText())) {
            problem("mention facet covers '" + covered + "', did " + feature.path("did"));
          }
        }
        default -> problem("unknown facet feature " + type);
      }
    }
    JsonNode embed = record.path("embed");
    if (!embed.isMissingNode()) {
      if (!"app.bsky.embed.images".equals(embed.path("$type").asText())) {
        problem("embed $type " + embed.path("$type"));
      }
      for (JsonNode image : embed.path("images")) {
        String link = image.path("image").path("ref").path("$link").asText();
        if (!blobs.containsKey(link) || !image.path("alt").isTextual()) {
          problem("image embed of an unknown blob or without alt: " + image);
        }
      }
    }
  }
}
