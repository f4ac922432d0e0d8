package org.librarycampaign.report;

import org.librarycampaign.platform.ops.ServiceMetrics;
import org.librarycampaign.report.mail.ReportMailer;

/** Every metric name and tag of the weekly report, as {@code /metrics} shows them (dots: _). */
public final class ReportMetrics {

  private static final ServiceMetrics METRICS = ServiceMetrics.of(ReportService.NAME);

  /** Counter: weekly reports tried, by outcome (sent, try_again, refused). */
  public static final String REPORTS = METRICS.name("reports");

  public static final String TAG_OUTCOME = "outcome";

  void sent(ReportMailer.Outcome outcome) {
    METRICS
        .counter(REPORTS, TAG_OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT))
        .increment();
  }
}
