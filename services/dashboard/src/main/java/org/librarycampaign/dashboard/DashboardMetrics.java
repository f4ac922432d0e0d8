package org.librarycampaign.dashboard;

import org.librarycampaign.platform.ops.ServiceMetrics;

/** The dashboard's metric names (Micrometer; Prometheus adds {@code _total} to counters). */
public final class DashboardMetrics {

  /** Records folded into a fact store, tagged {@link #TAG_STORE}. */
  public static final String RECORDS_FOLDED =
      ServiceMetrics.name(DashboardService.NAME, "records.folded");

  /**
   * Records a fact store could not read or fold (sent to dead letters), tagged {@link #TAG_STORE}.
   */
  public static final String RECORDS_UNREADABLE =
      ServiceMetrics.name(DashboardService.NAME, "records.unreadable");

  /** Browsers connected to the live stream now. */
  public static final String LIVE_CLIENTS =
      ServiceMetrics.name(DashboardService.NAME, "live.clients");

  /** Board updates pushed to the live stream (one per change, whatever the number of clients). */
  public static final String UPDATES_PUSHED =
      ServiceMetrics.name(DashboardService.NAME, "updates.pushed");

  /** Events the demo feeder sent through the ingest API, tagged {@link #TAG_OUTCOME}. */
  public static final String DEMO_EVENTS =
      ServiceMetrics.name(DashboardService.NAME, "demo.events");

  /** Dashboard login attempts, tagged {@link #TAG_OUTCOME}: accepted, refused or limited. */
  public static final String LOGINS = "campaign.dashboard.logins";

  /**
   * Reviews sent from the page, tagged {@link #TAG_OUTCOME}: written, invalid, stale, forbidden or
   * unavailable.
   */
  public static final String REVIEWS = ServiceMetrics.name(DashboardService.NAME, "reviews");

  public static final String TAG_STORE = "store";
  public static final String TAG_OUTCOME = "outcome";

  private DashboardMetrics() {}
}
