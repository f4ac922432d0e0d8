package org.librarycampaign.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The limits on what one caller may send: events per request (413) and requests per second per
 * token, and per client address for missing or unknown tokens (429 with Retry-After).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {

  private static final int MAX_EVENTS = 3;
  private static final int BURST = 5;

  /** Bounds every loop: a limit that never answers 429 fails the test instead of hanging it. */
  private static final int ATTEMPTS = 4 * BURST;

  private IngestHarness ingest;

  @BeforeAll
  void start() {
    ingest =
        IngestHarness.start(
            "ingest-limits",
            Map.of(
                IngestSettings.MAX_EVENTS_PER_REQUEST, Integer.toString(MAX_EVENTS),
                IngestSettings.RATE_PER_SECOND, "0.2",
                IngestSettings.RATE_BURST, Integer.toString(BURST)));
  }

  @AfterAll
  void stop() {
    ingest.close();
  }

  @Test
  void moreEventsThanTheCapAre413NamingTheCap() {
    String fourEvents =
        "[" + String.join(",", Collections.nCopies(MAX_EVENTS + 1, Samples.POST_DRAFTED)) + "]";

    HttpResponse<String> answer = ingest.post("/v1/events", IngestHarness.ADMIN, fourEvents);

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body())
        .contains("\"error\":\"too_many_events\"")
        .contains("at most 3 events per request; this one has 4");
  }

  @Test
  void aTokenOverItsBurstGets429WithRetryAfterWhileOtherTokensGoOn() {
    double limitedBefore = limited(IngestMetrics.REASON_RATE);

    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> refused = null;
    for (int i = 0; i < ATTEMPTS && refused == null; i++) {
      HttpResponse<String> answer =
          ingest.get("/v1/posts/no-such-post/decision", IngestHarness.EASTSIDE);
      statuses.add(answer.statusCode());
      if (answer.statusCode() == 429) {
        refused = answer;
      }
    }
    HttpResponse<String> otherToken =
        ingest.get("/v1/posts/no-such-post/decision", IngestHarness.WESTSIDE);

    assertThat(statuses).hasSize(BURST + 1).doesNotContain(401);
    assertThat(refused).isNotNull();
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 5L));
    assertThat(refused.body()).contains("\"error\":\"too_many_requests\"");
    assertThat(otherToken.statusCode()).isNotEqualTo(429);
    assertThat(limited(IngestMetrics.REASON_RATE)).isGreaterThan(limitedBefore);
  }

  @Test
  void badTokensFromOneAddressGet401ThenAfterTheBurst429() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < ATTEMPTS; i++) {
      statuses.add(
          ingest.post("/v1/events", "not-a-token-of-this-api", Samples.POST_DRAFTED).statusCode());
    }

    assertThat(statuses.subList(0, BURST)).containsOnly(401);
    assertThat(statuses.subList(BURST, ATTEMPTS)).containsOnly(429);
    assertThat(limited(IngestMetrics.REASON_BAD_TOKENS)).isPositive();
  }

  private static double limited(String reason) {
    Counter counter =
        Metrics.globalRegistry
            .find(IngestMetrics.REJECTED)
            .tag(IngestMetrics.REASON, reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
