package org.librarycampaign.report;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import library.campaign.events.BranchSettings;

/**
 * What the report needs to know of a branch: its time zone and who gets its report. Each comes from
 * the branch's own settings on {@code campaign.branch-settings}, else from those of {@code *},
 * field by field (as every reader of the topic does), else from the report's settings ({@code
 * campaign.report.zone}, {@code campaign.report.contacts.<branchId>} or {@code .contacts.*}).
 */
public final class BranchDirectory {

  private final ReportSettings settings;
  private final Function<String, BranchSettings> published;

  /**
   * @param published the settings published for a branch id (or {@code *}), null when none
   */
  public BranchDirectory(ReportSettings settings, Function<String, BranchSettings> published) {
    this.settings = settings;
    this.published = published;
  }

  private <T> Optional<T> field(String branchId, Function<BranchSettings, Optional<T>> read) {
    return Optional.ofNullable(published.apply(branchId))
        .flatMap(read)
        .or(() -> Optional.ofNullable(published.apply("*")).flatMap(read));
  }

  public ZoneId zone(String branchId) {
    return field(branchId, s -> zoneNamed(s.getZone())).orElse(settings.zone());
  }

  public List<String> reportContacts(String branchId) {
    return field(
            branchId,
            s ->
                s.getReportContacts().isEmpty()
                    ? Optional.<List<String>>empty()
                    : Optional.of(List.copyOf(s.getReportContacts())))
        .orElseGet(() -> settings.contactsOf(branchId));
  }

  private static Optional<ZoneId> zoneNamed(String zone) {
    try {
      return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
    } catch (java.time.DateTimeException e) {
      return Optional.empty(); // refused at the door (ingest, input rules); read as absent here
    }
  }
}
