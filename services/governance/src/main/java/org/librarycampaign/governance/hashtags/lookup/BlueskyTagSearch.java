package org.librarycampaign.governance.hashtags.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.librarycampaign.platform.accounts.Secret;

/**
 * Bluesky's post search through the account's PDS, which needs a session: {@code
 * com.atproto.server.createSession} (handle, app password; kept, and made again once when a search
 * is refused), then {@code
 * app.bsky.feed.searchPosts?q=#tag&tag=tag&sort=latest&since=...&limit=100}. Our own posts are the
 * session's account's and those of the configured handles. The example link is the post on {@code
 * https://bsky.app}.
 */
public final class BlueskyTagSearch implements TagSearch {

  static final int PAGE = 100;

  private final URI pds;
  private final String handle;
  private final Secret appPassword;
  private final Set<String> ownHandles;
  private final LookupHttp http;
  private Session session;

  private record Session(String accessJwt, String did) {}

  public BlueskyTagSearch(
      URI pds, String handle, Secret appPassword, Set<String> ownHandles, Duration timeout) {
    this.pds = pds;
    this.handle = handle;
    this.appPassword = appPassword;
    this.http = new LookupHttp(timeout);
    Set<String> own = new HashSet<>();
    ownHandles.forEach(h -> own.add(normalized(h)));
    own.add(normalized(handle));
    this.ownHandles = Set.copyOf(own);
  }

  @Override
  public TagCheck search(String tag, Instant since, int days) {
    try {
      Session current = session(false);
      JsonNode answer;
      try {
        answer = searchPosts(current, tag, since);
      } catch (LookupHttp.Unanswered refused) {
        if (refused.status() != 401) {
          throw refused;
        }
        current = session(true);
        answer = searchPosts(current, tag, since);
      }
      JsonNode posts = answer.path("posts");
      if (!posts.isArray()) {
        return new TagCheck.NotChecked("the answer has no list of posts");
      }
      int count = 0;
      String example = null;
      boolean olderSeen = false;
      for (JsonNode post : posts) {
        Instant at = instant(post.path("indexedAt").asText(""));
        if (at == null) {
          at = instant(post.path("record").path("createdAt").asText(""));
        }
        if (at == null || at.isBefore(since)) {
          olderSeen = true;
          continue;
        }
        JsonNode author = post.path("author");
        if (author.path("did").asText("").equals(current.did())
            || ownHandles.contains(normalized(author.path("handle").asText("")))) {
          continue;
        }
        count++;
        if (example == null) {
          example = webLink(post.path("uri").asText(""), author);
        }
      }
      if (count == 0) {
        return new TagCheck.Quiet();
      }
      return new TagCheck.InUse(count, posts.size() >= PAGE && !olderSeen, example, days);
    } catch (LookupHttp.Unanswered e) {
      return new TagCheck.NotChecked(e.getMessage());
    }
  }

  private JsonNode searchPosts(Session current, String tag, Instant since)
      throws LookupHttp.Unanswered {
    String query =
        "?q="
            + encode("#" + tag)
            + "&tag="
            + encode(tag)
            + "&sort=latest&since="
            + encode(since.toString())
            + "&limit="
            + PAGE;
    return http.json(
        http.request(LookupHttp.resolve(pds, "/xrpc/app.bsky.feed.searchPosts" + query))
            .header("Authorization", "Bearer " + current.accessJwt())
            .GET()
            .build());
  }

  private synchronized Session session(boolean renew) throws LookupHttp.Unanswered {
    if (session == null || renew) {
      ObjectNode body = LookupHttp.MAPPER.createObjectNode();
      body.put("identifier", handle);
      body.put("password", appPassword.reveal());
      JsonNode created =
          http.json(
              http.request(LookupHttp.resolve(pds, "/xrpc/com.atproto.server.createSession"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build());
      String jwt = created.path("accessJwt").asText("");
      if (jwt.isEmpty()) {
        throw new LookupHttp.Unanswered("the server gave no session", 0);
      }
      session = new Session(jwt, created.path("did").asText(""));
    }
    return session;
  }

  /**
   * {@code at://did/app.bsky.feed.post/rkey} as {@code https://bsky.app/profile/handle/post/rkey}.
   */
  static String webLink(String atUri, JsonNode author) {
    int slash = atUri.lastIndexOf('/');
    String who = author.path("handle").asText("");
    if (who.isEmpty()) {
      who = author.path("did").asText("");
    }
    if (slash < 0 || who.isEmpty()) {
      return atUri;
    }
    return "https://bsky.app/profile/" + who + "/post/" + atUri.substring(slash + 1);
  }

  private static String normalized(String handle) {
    String name = handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
    return name.startsWith("@") ? name.substring(1) : name;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
