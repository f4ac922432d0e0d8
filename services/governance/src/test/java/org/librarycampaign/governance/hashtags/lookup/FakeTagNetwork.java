package org.librarycampaign.governance.hashtags.lookup;

import io.javalin.Javalin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server in the JVM (Javalin on a free port of 127.0.0.1) speaking the two networks'
 * search APIs as the look-up uses them: Mastodon's {@code GET /api/v1/timelines/tag/:hashtag} and
 * {@code GET /api/v1/accounts/verify_credentials} (bearer token), Bluesky's {@code
 * com.atproto.server.createSession} and {@code app.bsky.feed.searchPosts} (bearer access token;
 * {@code since} filters). Each tag's posts, and how the server misbehaves for a tag, are set by the
 * test; every request is counted per path, and every wrong request is kept in {@link #problems}.
 */
public final class FakeTagNetwork implements AutoCloseable {

  public static final String MASTODON_TOKEN = "mastodon-read-token-1";

  /** A token with write scopes only, as a publisher's: reading with it is forbidden (403). */
  public static final String WRITE_ONLY_TOKEN = "mastodon-write-token-2";

  public static final String OWN_MASTODON = "eastside";
  static final String OUTSIDE_SCOPES = "This action is outside the authorized scopes";
  public static final String BLUESKY_HANDLE = "eastside.bsky.social";
  public static final String BLUESKY_PASSWORD = "app-pass-1";
  public static final String OWN_DID = "did:plc:eastside";

  /** A post with a tag: who, when, and its id. */
  public record Post(String author, Instant at, String id) {}

  /** What the server does for a tag instead of answering. */
  public enum Trouble {
    /** HTTP 500. */
    FAIL,
    /** Holds the request until the test ends. */
    HANG
  }

  public final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  public final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, List<Post>> posts = new ConcurrentHashMap<>();
  private final Map<String, Trouble> trouble = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile String accessJwt = "jwt-0";
  private final Javalin app;

  public FakeTagNetwork() {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/api/v1/accounts/verify_credentials",
                      ctx -> {
                        count("verify_credentials");
                        if (("Bearer " + WRITE_ONLY_TOKEN).equals(ctx.header("Authorization"))) {
                          ctx.status(403).json(Map.of("error", OUTSIDE_SCOPES));
                          return;
                        }
                        if (!("Bearer " + MASTODON_TOKEN).equals(ctx.header("Authorization"))) {
                          ctx.status(401).json(Map.of("error", "The access token is invalid"));
                          return;
                        }
                        ctx.json(Map.of("id", "1", "username", OWN_MASTODON, "acct", OWN_MASTODON));
                      });
                  config.routes.get(
                      "/api/v1/timelines/tag/{tag}",
                      ctx -> {
                        String tag = ctx.pathParam("tag");
                        count("timelines/tag/" + tag);
                        String auth = ctx.header("Authorization");
                        if (("Bearer " + WRITE_ONLY_TOKEN).equals(auth)) {
                          ctx.status(403).json(Map.of("error", OUTSIDE_SCOPES));
                          return;
                        }
                        if (auth != null && !auth.equals("Bearer " + MASTODON_TOKEN)) {
                          ctx.status(401).json(Map.of("error", "The access token is invalid"));
                          return;
                        }
                        if (!"40".equals(ctx.queryParam("limit"))) {
                          problems.add("tag timeline without limit=40: " + ctx.queryString());
                        }
                        if (misbehave(tag, ctx)) {
                          return;
                        }
                        List<Map<String, Object>> statuses = new ArrayList<>();
                        for (Post post : newestFirst(tag)) {
                          Map<String, Object> status = new LinkedHashMap<>();
                          status.put("id", post.id());
                          status.put("created_at", post.at().toString());
                          status.put(
                              "uri", "https://elsewhere.example/users/x/statuses/" + post.id());
                          status.put("url", baseUrl() + "/@" + post.author() + "/" + post.id());
                          status.put(
                              "account", Map.of("acct", post.author(), "username", post.author()));
                          status.put("content", "<p>#" + tag + "</p>");
                          statuses.add(status);
                        }
                        ctx.json(statuses);
                      });
                  config.routes.post(
                      "/xrpc/com.atproto.server.createSession",
                      ctx -> {
                        count("createSession");
                        var body = LookupHttp.MAPPER.readTree(ctx.bodyAsBytes());
                        if (!BLUESKY_HANDLE.equals(body.path("identifier").asText())
                            || !BLUESKY_PASSWORD.equals(body.path("password").asText())) {
                          ctx.status(401)
                              .json(
                                  Map.of(
                                      "error",
                                      "AuthenticationRequired",
                                      "message",
                                      "Invalid identifier or password"));
                          return;
                        }
                        accessJwt = "jwt-" + sessions.incrementAndGet();
                        ctx.json(
                            Map.of(
                                "accessJwt", accessJwt,
                                "refreshJwt", "refresh",
                                "handle", BLUESKY_HANDLE,
                                "did", OWN_DID));
                      });
                  config.routes.get(
                      "/xrpc/app.bsky.feed.searchPosts",
                      ctx -> {
                        String tag = String.valueOf(ctx.queryParam("tag"));
                        count("searchPosts/" + tag);
                        if (!("Bearer " + accessJwt).equals(ctx.header("Authorization"))) {
                          ctx.status(401)
                              .json(
                                  Map.of("error", "ExpiredToken", "message", "Token has expired"));
                          return;
                        }
                        if (!("#" + tag).equals(ctx.queryParam("q"))
                            || !"latest".equals(ctx.queryParam("sort"))
                            || !"100".equals(ctx.queryParam("limit"))) {
                          problems.add("searchPosts with " + ctx.queryString());
                        }
                        if (misbehave(tag, ctx)) {
                          return;
                        }
                        Instant since = Instant.parse(ctx.queryParam("since"));
                        List<Map<String, Object>> found = new ArrayList<>();
                        for (Post post : newestFirst(tag)) {
                          if (post.at().isBefore(since)) {
                            continue;
                          }
                          String did =
                              post.author().equals(BLUESKY_HANDLE)
                                  ? OWN_DID
                                  : "did:plc:" + post.author().replace('.', '-');
                          found.add(
                              Map.of(
                                  "uri", "at://" + did + "/app.bsky.feed.post/" + post.id(),
                                  "cid", "cid-" + post.id(),
                                  "author", Map.of("did", did, "handle", post.author()),
                                  "record",
                                      Map.of(
                                          "$type",
                                          "app.bsky.feed.post",
                                          "text",
                                          "#" + tag,
                                          "createdAt",
                                          post.at().toString()),
                                  "indexedAt", post.at().toString()));
                        }
                        ctx.json(Map.of("posts", found, "hitsTotal", found.size()));
                      });
                })
            .start("127.0.0.1", 0);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  /** The tag (normalized) has these posts. */
  public FakeTagNetwork posts(String tag, Post... tagged) {
    posts.put(tag, List.of(tagged));
    return this;
  }

  public FakeTagNetwork trouble(String tag, Trouble what) {
    trouble.put(tag, what);
    return this;
  }

  /** A later session's token: the one the client holds is refused from now on. */
  public void expireSession() {
    accessJwt = "jwt-expired-" + sessions.incrementAndGet();
  }

  public int calls(String path) {
    AtomicInteger count = calls.get(path);
    return count == null ? 0 : count.get();
  }

  private void count(String path) {
    calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
  }

  private List<Post> newestFirst(String tag) {
    List<Post> sorted = new ArrayList<>(posts.getOrDefault(tag, List.of()));
    sorted.sort((a, b) -> b.at().compareTo(a.at()));
    return sorted;
  }

  private boolean misbehave(String tag, io.javalin.http.Context ctx) throws InterruptedException {
    Trouble what = trouble.get(tag);
    if (what == Trouble.FAIL) {
      ctx.status(500).result("Internal Server Error");
      return true;
    }
    if (what == Trouble.HANG) {
      release.await(30, TimeUnit.SECONDS);
      ctx.status(503).result("gone");
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    release.countDown();
    app.stop();
  }
}
