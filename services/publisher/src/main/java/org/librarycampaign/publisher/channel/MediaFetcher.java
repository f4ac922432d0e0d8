package org.librarycampaign.publisher.channel;

import java.net.URI;
import java.util.Locale;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Fetches a post's visual from its URL (HTTP GET with the publisher's timeout), so that it can be
 * uploaded to the remote. At most {@link #MAX_BYTES}; a visual that is gone (4xx) fails the post
 * for good, a server error or timeout is worth another try.
 */
final class MediaFetcher {

  /** Bluesky takes images up to about 1 MB and Mastodon up to 16 MB; this bounds memory. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  /** A fetched visual. */
  record Fetched(byte[] bytes, String contentType, String fileName, String altText) {}

  private final Http http;

  MediaFetcher(Http http) {
    this.http = http;
  }

  Fetched fetch(PostState.Visual visual) throws Http.CallFailed {
    URI uri =
        Http.httpUrl(visual.url())
            .orElseThrow(
                () ->
                    Http.failed(
                        PublishOutcome.permanentFailure(
                            "the visual " + visual.url() + " is not an http(s) URL")));
    Http.Answer answer =
        http.expectOk(http.request(uri).GET().build(), "fetching the visual " + visual.url());
    if (answer.body().length > MAX_BYTES) {
      throw Http.failed(
          PublishOutcome.permanentFailure(
              "the visual " + visual.url() + " is larger than " + MAX_BYTES + " bytes"));
    }
    String contentType =
        answer.contentType().map(t -> t.split(";")[0].trim()).orElse(guessType(uri.getPath()));
    String path = uri.getPath() == null ? "" : uri.getPath();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    if (fileName.isBlank()) {
      fileName = "visual";
    }
    return new Fetched(answer.body(), contentType, fileName, visual.altText());
  }

  static String guessType(String path) {
    String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".gif")) {
      return "image/gif";
    }
    if (lower.endsWith(".webp")) {
      return "image/webp";
    }
    if (lower.endsWith(".mp4")) {
      return "video/mp4";
    }
    return "image/jpeg";
  }
}
