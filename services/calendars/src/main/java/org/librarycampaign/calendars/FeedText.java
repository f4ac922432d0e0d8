package org.librarycampaign.calendars;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Loads a feed's text from a file or an http(s) address. */
public final class FeedText {

  /** The feed could not be had now (no file, no answer, an error status): try again later. */
  public static final class UnavailableException extends IOException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private FeedText() {}

  /** Whether {@code location} is an http(s) address rather than a file. */
  public static boolean isAddress(String location) {
    return location.startsWith("http://") || location.startsWith("https://");
  }

  public static String load(String location, Duration timeout)
      throws UnavailableException, InterruptedException {
    if (location.startsWith("webcal://")) {
      location = "https://" + location.substring("webcal://".length());
    }
    if (!isAddress(location)) {
      try {
        return Files.readString(Path.of(location), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UnavailableException("cannot read " + location + ": " + e, e);
      }
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(location))
            .timeout(timeout)
            .header("Accept", "text/calendar")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UnavailableException("no answer from the feed: " + e, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new UnavailableException("the feed answered HTTP " + response.statusCode(), null);
    }
    return response.body();
  }
}
