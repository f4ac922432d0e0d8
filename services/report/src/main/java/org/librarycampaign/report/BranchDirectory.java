package org.librarycampaign.report;

import java.time.ZoneId;
import java.util.List;

/** What the report needs to know of a branch: its time zone and who gets its report. */
public interface BranchDirectory {

  ZoneId zone(String branchId);

  List<String> reportContacts(String branchId);

  /** From the report's settings alone ({@code campaign.report.zone}, {@code .contacts.*}). */
  static BranchDirectory of(ReportSettings settings) {
    return new BranchDirectory() {
      @Override
      public ZoneId zone(String branchId) {
        return settings.zone();
      }

      @Override
      public List<String> reportContacts(String branchId) {
        return settings.contactsOf(branchId);
      }
    };
  }
}
