package org.librarycampaign.report.mail;

import java.util.List;
import org.librarycampaign.report.week.WeeklyReport;

/** Sends a weekly report to a branch's report contacts. */
public interface ReportMailer {

  /** How a send went. */
  enum Outcome {
    /** Handed over (to the SMTP server, or written to the outbox). */
    SENT,
    /** Could not be sent now (server down, timeout): try again later. */
    TRY_AGAIN,
    /** Refused for good (no valid address, message refused): not tried again. */
    REFUSED
  }

  Outcome send(WeeklyReport report, List<String> to);

  /**
   * The id every copy of a branch's report for a week carries (its Message-ID, its outbox file
   * name): a report sent again after a crash is the same message.
   */
  static String reportId(WeeklyReport report) {
    return "report/" + report.branchId() + "/" + report.week();
  }
}
