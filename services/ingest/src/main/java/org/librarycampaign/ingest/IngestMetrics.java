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

  public static final String ROUTE = "route";
  public static final String METHOD = "method";
  public static final String STATUS = "status";
  public static final String EVENT_TYPE = "type";

  private IngestMetrics() {}
}
