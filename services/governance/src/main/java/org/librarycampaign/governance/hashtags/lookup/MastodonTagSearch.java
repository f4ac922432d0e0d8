package org.librarycampaign.governance.hashtags.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.librarycampaign.platform.accounts.Secret;

/**
 * Mastodon's tag timeline, {@code GET /api/v1/timelines/tag/:hashtag?limit=40} (newest first; with
 * {@code Authorization: Bearer <token>} when the account has a token, which servers that close
 * their public timelines require). Our own posts are those of the token's account ({@code GET
 * /api/v1/accounts/verify_credentials}, asked once) and of the configured handles, compared as
 * {@code user@server}.
 */
public final class MastodonTagSearch implements TagSearch {

  static final int PAGE = 40;

  private final URI server;
  private final Secret token;
  private final Set<String> ownAccounts;
  private final LookupHttp http;
  private volatile String tokenAccount;

  /**
   * @param ownHandles handles of our own accounts ({@code @library@mastodon.social}, or {@code
   *     library} on this server), whose posts do not count
   */
  public MastodonTagSearch(URI server, Secret token, Set<String> ownHandles, Duration timeout) {
    this.server = server;
    this.token = token;
    this.http = new LookupHttp(timeout);
    Set<String> own = new HashSet<>();
    ownHandles.forEach(handle -> own.add(account(handle)));
    this.ownAccounts = Set.copyOf(own);
  }

  @Override
  public TagCheck search(String tag, Instant since, int days) {
    try {
      String me = token == null ? null : tokenAccount();
      URI timeline =
          LookupHttp.resolve(
              server,
              "/api/v1/timelines/tag/"
                  + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20")
                  + "?limit="
                  + PAGE);
      JsonNode statuses;
      try {
        statuses = http.json(authorized(timeline).GET().build());
      } catch (LookupHttp.Unanswered refused) {
        if (token == null || refused.status() != 403) {
          throw refused;
        }
        // a publisher's token may carry write scopes only: the public timeline needs none
        statuses = http.json(http.request(timeline).GET().build());
      }
      if (!statuses.isArray()) {
        return new TagCheck.NotChecked("the answer is not a list of posts");
      }
      int count = 0;
      String example = null;
      boolean olderSeen = false;
      for (JsonNode status : statuses) {
        Instant at = instant(status.path("created_at").asText(""));
        if (at == null || at.isBefore(since)) {
          olderSeen = true;
          continue;
        }
        String author = account(status.path("account").path("acct").asText(""));
        if (author.equals(me) || ownAccounts.contains(author)) {
          continue;
        }
        count++;
        if (example == null) {
          String url = status.path("url").asText("");
          example = url.isEmpty() ? status.path("uri").asText("") : url;
        }
      }
      if (count == 0) {
        return new TagCheck.Quiet();
      }
      return new TagCheck.InUse(count, statuses.size() >= PAGE && !olderSeen, example, days);
    } catch (LookupHttp.Unanswered e) {
      return new TagCheck.NotChecked(e.getMessage());
    }
  }

  /**
   * The token's own account, asked once (a refused token is not remembered). A token without the
   * scope to read its account (a publisher's {@code write:*} token) leaves only the configured
   * handles as ours.
   */
  private String tokenAccount() throws LookupHttp.Unanswered {
    String known = tokenAccount;
    if (known == null) {
      try {
        JsonNode me =
            http.json(
                authorized(LookupHttp.resolve(server, "/api/v1/accounts/verify_credentials"))
                    .GET()
                    .build());
        known = account(me.path("acct").asText(""));
      } catch (LookupHttp.Unanswered refused) {
        if (refused.status() != 403) {
          throw refused;
        }
        known = "";
      }
      tokenAccount = known;
    }
    return known;
  }

  private java.net.http.HttpRequest.Builder authorized(URI uri) {
    java.net.http.HttpRequest.Builder request = http.request(uri);
    return token == null ? request : request.header("Authorization", "Bearer " + token.reveal());
  }

  /** {@code user@server} in lower case: a local {@code acct} has no server, so ours is added. */
  private String account(String handle) {
    String name = handle.strip().toLowerCase(Locale.ROOT);
    while (name.startsWith("@")) {
      name = name.substring(1);
    }
    return name.contains("@") ? name : name + "@" + server.getHost().toLowerCase(Locale.ROOT);
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
