package org.librarycampaign.governance.hashtags.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The look-ups' HTTP: bounded connect and request timeouts, JSON answers, and every failure turned
 * into a sentence for the {@link TagCheck.NotChecked} warning (never a token: requests are not
 * described, only what came back).
 */
final class LookupHttp {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String USER_AGENT = "campaign-governance";

  /** A call without a usable answer; its message is the reason for a person. */
  static final class Unanswered extends Exception {
    private final int status;

    Unanswered(String why, int status) {
      super(why, null, false, false);
      this.status = status;
    }

    /** The HTTP status, or 0 when there was no answer at all. */
    int status() {
      return status;
    }
  }

  private final HttpClient client;
  private final Duration timeout;

  LookupHttp(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", USER_AGENT)
        .header("Accept", "application/json");
  }

  /** Sends and requires a 2xx JSON answer. */
  JsonNode json(HttpRequest request) throws Unanswered {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new Unanswered("no answer within " + timeout.toMillis() + " ms", 0);
    } catch (ConnectException e) {
      throw new Unanswered("the server could not be reached", 0);
    } catch (IOException e) {
      throw new Unanswered("the connection failed", 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unanswered("the look-up was stopped", 0);
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new Unanswered("the server refused the account (HTTP " + status + ")", status);
    }
    if (status == 429) {
      throw new Unanswered("the server asked to slow down (HTTP 429)", status);
    }
    if (status >= 500) {
      throw new Unanswered("the server failed (HTTP " + status + ")", status);
    }
    if (status < 200 || status >= 300) {
      throw new Unanswered("the server answered HTTP " + status, status);
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new Unanswered("the answer (HTTP " + status + ") is not JSON", status);
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
}
