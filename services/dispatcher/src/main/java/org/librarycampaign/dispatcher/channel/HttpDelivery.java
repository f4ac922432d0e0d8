package org.librarycampaign.dispatcher.channel;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends one HTTP request and says what its answer means for the notification: 2xx delivered; 408,
 * 425, 429 and 5xx worth another try, as are timeouts and refused or dropped connections; any other
 * status (4xx, an unfollowed redirect) permanent.
 */
final class HttpDelivery {

  private final HttpClient client;
  private final Duration timeout;

  HttpDelivery(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** An absolute http or https URL, or empty: an address that can never work. */
  static Optional<URI> httpUrl(String address) {
    try {
      URI uri = new URI(address.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  HttpRequest.Builder post(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "campaign-dispatcher");
  }

  DeliveryOutcome send(HttpRequest request) {
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return outcomeOf(response.statusCode());
    } catch (HttpTimeoutException e) {
      return DeliveryOutcome.transientFailure("timed out after " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return DeliveryOutcome.transientFailure("connection refused or unreachable: " + describe(e));
    } catch (IOException e) {
      return DeliveryOutcome.transientFailure("I/O error: " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryOutcome.transientFailure("interrupted (the dispatcher is stopping)");
    }
  }

  static DeliveryOutcome outcomeOf(int status) {
    if (status >= 200 && status < 300) {
      return DeliveryOutcome.delivered();
    }
    String reason = "HTTP " + status;
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return DeliveryOutcome.transientFailure(reason);
    }
    return DeliveryOutcome.permanentFailure(reason);
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
