package org.librarycampaign.publisher.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP client per publisher with bounded connect and request timeouts, and what an answer means
 * for a post: 2xx done; 408, 425, 429 and 5xx worth another try, as are timeouts and refused or
 * dropped connections; any other status permanent (the reason carries the start of the body, where
 * Mastodon and the AT Protocol put their error).
 */
final class Http {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String USER_AGENT = "campaign-publisher";
  private static final int MAX_BODY_IN_REASON = 300;

  /** A call that did not give a usable answer, with what it means for the post. */
  static final class CallFailed extends Exception {
    private final PublishOutcome.Failed outcome;

    CallFailed(PublishOutcome.Failed outcome) {
      super(outcome.reason(), null, false, false);
      this.outcome = outcome;
    }

    PublishOutcome.Failed outcome() {
      return outcome;
    }
  }

  /** An answer: status and body. */
  record Answer(int status, byte[] body, Optional<String> contentType) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() throws CallFailed {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new CallFailed(
            (PublishOutcome.Failed)
                PublishOutcome.transientFailure("the answer (HTTP " + status + ") is not JSON"));
      }
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client;
  private final Duration timeout;

  Http(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  Duration timeout() {
    return timeout;
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
  }

  /** Sends; any status comes back as an answer, a transport failure as {@link CallFailed}. */
  Answer send(HttpRequest request, String what) throws CallFailed {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(), response.body(), response.headers().firstValue("Content-Type"));
    } catch (HttpTimeoutException e) {
      throw failed(
          PublishOutcome.transientFailure(
              what + ": timed out after " + timeout.toMillis() + " ms"));
    } catch (ConnectException e) {
      throw failed(
          PublishOutcome.transientFailure(
              what + ": connection refused or unreachable: " + describe(e)));
    } catch (IOException e) {
      throw failed(PublishOutcome.transientFailure(what + ": I/O error: " + describe(e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(PublishOutcome.transientFailure(what + ": interrupted (stopping)"));
    }
  }

  /** Sends and requires a 2xx answer. */
  Answer expectOk(HttpRequest request, String what) throws CallFailed {
    Answer answer = send(request, what);
    if (!answer.ok()) {
      throw failed(outcomeOf(what, answer));
    }
    return answer;
  }

  static PublishOutcome.Failed outcomeOf(String what, Answer answer) {
    int status = answer.status();
    String body = answer.text().strip();
    if (body.length() > MAX_BODY_IN_REASON) {
      body = body.substring(0, MAX_BODY_IN_REASON) + "...";
    }
    String reason = what + ": HTTP " + status + (body.isEmpty() ? "" : " " + body);
    if (status == 408 || status == 425 || status == 429 || status >= 500) {
      return (PublishOutcome.Failed) PublishOutcome.transientFailure(reason);
    }
    return (PublishOutcome.Failed) PublishOutcome.permanentFailure(reason);
  }

  static CallFailed failed(PublishOutcome outcome) {
    return new CallFailed((PublishOutcome.Failed) outcome);
  }

  /** An absolute http or https URL, or empty. */
  static Optional<URI> httpUrl(String address) {
    if (address == null) {
      return Optional.empty();
    }
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

  /** {@code base} + {@code path}, with exactly one slash between. */
  static URI resolve(URI base, String path) {
    String text = base.toString();
    if (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text + path);
  }

  private static String describe(Throwable error) {
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
  }
}
