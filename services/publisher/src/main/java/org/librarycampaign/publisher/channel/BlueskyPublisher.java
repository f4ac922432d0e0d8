package org.librarycampaign.publisher.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Publishes to a Bluesky account (or any AT Protocol PDS) with a handle and an app password:
 *
 * <ol>
 *   <li>{@code com.atproto.server.createSession} ({@code identifier}, {@code password}) gives an
 *       access token and the account's DID; it is kept and made again when refused;
 *   <li>{@code com.atproto.repo.getRecord} of the post's record key: if the record exists, this
 *       revision was published before (a repeat after a crash), and its AT URI is the receipt;
 *   <li>each visual is fetched and sent with {@code com.atproto.repo.uploadBlob} (raw bytes, its
 *       content type); the blobs go into an {@code app.bsky.embed.images} embed with their alt text
 *       (the first four: Bluesky's limit);
 *   <li>mentioned handles are resolved to DIDs with {@code com.atproto.identity.resolveHandle} (a
 *       handle that does not resolve stays plain text);
 *   <li>{@code com.atproto.repo.createRecord} of an {@code app.bsky.feed.post} with {@code text},
 *       {@code createdAt} and {@code facets} (links, mentions, tags with UTF-8 byte offsets, see
 *       {@link Facets}), under the record key {@link #recordKey}.
 * </ol>
 *
 * The record key is the idempotency key on the wire: a TID (the lexicon's key type for posts)
 * derived from the revision's scheduled time and a hash of {@code postId/revision}, so a repeat
 * finds or collides with the record it made the first time.
 */
public final class BlueskyPublisher implements Publisher {

  static final String COLLECTION = "app.bsky.feed.post";
  static final int MAX_IMAGES = 4;
  private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";

  private record Session(String accessJwt, String did, String handle) {}

  private final URI base;
  private final String identifier;
  private final Secret password;
  private final Http http;
  private final MediaFetcher media;
  private volatile Session session;

  public BlueskyPublisher(URI base, String identifier, Secret password, Duration timeout) {
    this.base = base;
    this.identifier = identifier;
    this.password = password;
    this.http = new Http(timeout);
    this.media = new MediaFetcher(http);
  }

  @Override
  public PublisherKind kind() {
    return PublisherKind.BLUESKY;
  }

  @Override
  public PublishOutcome publish(PostState post) {
    try {
      try {
        return publishWith(session(false), post);
      } catch (Http.CallFailed e) {
        if (!e.getMessage().contains("HTTP 401") && !e.getMessage().contains("ExpiredToken")) {
          throw e;
        }
        return publishWith(session(true), post);
      }
    } catch (Http.CallFailed e) {
      return e.outcome();
    }
  }

  private PublishOutcome publishWith(Session session, PostState post) throws Http.CallFailed {
    String rkey = recordKey(post);
    String uri = "at://" + session.did() + "/" + COLLECTION + "/" + rkey;
    String url = "https://bsky.app/profile/" + session.handle() + "/post/" + rkey;
    Http.Answer existing =
        http.send(
            authorized(
                    session,
                    xrpc(
                        "com.atproto.repo.getRecord",
                        Map.of("repo", session.did(), "collection", COLLECTION, "rkey", rkey)))
                .GET()
                .build(),
            "com.atproto.repo.getRecord");
    if (existing.ok()) {
      return new PublishOutcome.Published(
          uri, url, "already published under " + uri + " (a repeat, not posted again)");
    }
    if (existing.status() != 400 && existing.status() != 404) {
      throw Http.failed(Http.outcomeOf("com.atproto.repo.getRecord", existing));
    }

    String text = PostText.compose(post);
    ObjectNode record = Http.MAPPER.createObjectNode();
    record.put("$type", COLLECTION);
    record.put("text", text);
    record.put("createdAt", Instant.now().toString());
    ArrayNode facets = facets(session, text);
    if (!facets.isEmpty()) {
      record.set("facets", facets);
    }
    ArrayNode images = Http.MAPPER.createArrayNode();
    for (PostState.Visual visual : post.media()) {
      if (images.size() == MAX_IMAGES) {
        break;
      }
      MediaFetcher.Fetched fetched = media.fetch(visual);
      JsonNode blob =
          http.expectOk(
                  authorized(session, xrpc("com.atproto.repo.uploadBlob", Map.of()))
                      .header("Content-Type", fetched.contentType())
                      .POST(HttpRequest.BodyPublishers.ofByteArray(fetched.bytes()))
                      .build(),
                  "com.atproto.repo.uploadBlob")
              .json()
              .path("blob");
      if (blob.isMissingNode()) {
        throw Http.failed(
            PublishOutcome.transientFailure("com.atproto.repo.uploadBlob answered without a blob"));
      }
      ObjectNode image = images.addObject();
      image.put("alt", fetched.altText() == null ? "" : fetched.altText());
      image.set("image", blob);
    }
    if (!images.isEmpty()) {
      ObjectNode embed = record.putObject("embed");
      embed.put("$type", "app.bsky.embed.images");
      embed.set("images", images);
    }
    ObjectNode body = Http.MAPPER.createObjectNode();
    body.put("repo", session.did());
    body.put("collection", COLLECTION);
    body.put("rkey", rkey);
    body.set("record", record);
    Http.Answer created =
        http.send(
            authorized(session, xrpc("com.atproto.repo.createRecord", Map.of()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)))
                .build(),
            "com.atproto.repo.createRecord");
    if (!created.ok()) {
      throw Http.failed(Http.outcomeOf("com.atproto.repo.createRecord", created));
    }
    String madeUri = created.json().path("uri").asText(uri);
    return PublishOutcome.published(madeUri, url);
  }

  private ArrayNode facets(Session session, String text) throws Http.CallFailed {
    ArrayNode facets = Http.MAPPER.createArrayNode();
    Map<String, String> dids = new HashMap<>();
    for (Facets.Facet facet : Facets.of(text)) {
      ObjectNode feature = Http.MAPPER.createObjectNode();
      switch (facet.kind()) {
        case LINK -> {
          feature.put("$type", "app.bsky.richtext.facet#link");
          feature.put("uri", facet.value());
        }
        case TAG -> {
          feature.put("$type", "app.bsky.richtext.facet#tag");
          feature.put("tag", facet.value());
        }
        case MENTION -> {
          String did = dids.get(facet.value());
          if (did == null) {
            did = resolve(session, facet.value());
            if (did == null) {
              continue;
            }
            dids.put(facet.value(), did);
          }
          feature.put("$type", "app.bsky.richtext.facet#mention");
          feature.put("did", did);
        }
      }
      ObjectNode node = facets.addObject();
      ObjectNode index = node.putObject("index");
      index.put("byteStart", facet.byteStart());
      index.put("byteEnd", facet.byteEnd());
      node.putArray("features").add(feature);
    }
    return facets;
  }

  /** The handle's DID, or null when the handle does not resolve (400 or 404). */
  private String resolve(Session session, String handle) throws Http.CallFailed {
    Http.Answer answer =
        http.send(
            authorized(
                    session, xrpc("com.atproto.identity.resolveHandle", Map.of("handle", handle)))
                .GET()
                .build(),
            "com.atproto.identity.resolveHandle");
    if (answer.ok()) {
      return answer.json().path("did").asText(null);
    }
    if (answer.status() == 400 || answer.status() == 404) {
      return null;
    }
    throw Http.failed(Http.outcomeOf("com.atproto.identity.resolveHandle", answer));
  }

  private Session session(boolean renew) throws Http.CallFailed {
    Session current = session;
    if (current != null && !renew) {
      return current;
    }
    ObjectNode body = Http.MAPPER.createObjectNode();
    body.put("identifier", identifier);
    body.put("password", password.reveal());
    JsonNode answer =
        http.expectOk(
                http.request(xrpc("com.atproto.server.createSession", Map.of()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)))
                    .build(),
                "com.atproto.server.createSession")
            .json();
    String jwt = answer.path("accessJwt").asText(null);
    String did = answer.path("did").asText(null);
    if (jwt == null || did == null) {
      throw Http.failed(
          PublishOutcome.permanentFailure(
              "com.atproto.server.createSession answered without accessJwt and did"));
    }
    Session made = new Session(jwt, did, answer.path("handle").asText(identifier));
    session = made;
    return made;
  }

  private HttpRequest.Builder authorized(Session session, URI uri) {
    return http.request(uri).header("Authorization", "Bearer " + session.accessJwt());
  }

  private URI xrpc(String method, Map<String, String> query) {
    StringBuilder path = new StringBuilder("/xrpc/").append(method);
    char separator = '?';
    for (Map.Entry<String, String> parameter : new java.util.TreeMap<>(query).entrySet()) {
      path.append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return Http.resolve(base, path.toString());
  }

  private static byte[] json(JsonNode node) throws Http.CallFailed {
    try {
      return Http.MAPPER.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Http.failed(PublishOutcome.permanentFailure("cannot write JSON: " + e.getMessage()));
    }
  }

  /**
   * The record key of a revision: a TID (13 characters of base32-sortable, a 64-bit number with the
   * top bit 0, 53 bits of microseconds since the epoch and a 10-bit clock id) whose time is the
   * scheduled time, the sub-millisecond microseconds and the clock id drawn from a hash of {@code
   * postId/revision}: the same revision always gets the same key, two revisions due at the same
   * millisecond almost never (about one chance in a million).
   */
  public static String recordKey(PostState post) {
    long hash = fnv(post.idempotencyKey());
    long micros = post.scheduledAt().toEpochMilli() * 1000L + Math.floorMod(hash, 1000L);
    long clockId = (hash >>> 20) & 0x3FF;
    long value = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | clockId;
    char[] chars = new char[13];
    for (int i = 12; i >= 0; i--) {
      chars[i] = TID_ALPHABET.charAt((int) (value & 0x1F));
      value >>>= 5;
    }
    return new String(chars);
  }

  private static long fnv(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
