package org.librarycampaign.ingest;

import org.librarycampaign.platform.ops.ServiceMetrics;

/** The names and tags of the ingest API's metrics (Prometheus turns the dots into underscores). */
public final class IngestMetrics {

  /** Requests answered, tagged {@link #ROUTE}, {@link #METHOD} and {@link #STATUS}. */
  public static final String REQUESTS = ServiceMetrics.name(IngestService.NAME, "requests");

  /** Time from a request's arrival to its answer, tagged {@link #ROUTE} and {@link #METHOD}. */
  public static final String REQUEST_DURATION =
      ServiceMetrics.name(IngestService.NAME, "request.duration");

  /** Events the broker acknowledged, tagged {@link #EVENT_TYPE}. */
  public static final String EVENTS_ACCEPTED =
      ServiceMetrics.name(IngestService.NAME, "events.accepted");

  /** Requests refused for a limit, tagged {@link #REASON}: one of the {@code REASON_*} values. */
  public static final String REJECTED = "campaign.ingest.requests.limited";

  /** A token over its rate limit (429). */
  public static final String REASON_RATE = "rate-limit";

  /** A client address over the rate limit with missing or unknown tokens (429). */
  public static final String REASON_BAD_TOKENS = "bad-token-rate-limit";

  /** More events in one request than allowed (413). */
  public static final String REASON_TOO_MANY_EVENTS = "too-many-events";

  public static final String ROUTE = "route";
  public static final String METHOD = "method";
  public static final String STATUS = "status";
  public static final String EVENT_TYPE = "type";
  public static final String REASON = "reason";

  private IngestMetrics() {}
}
