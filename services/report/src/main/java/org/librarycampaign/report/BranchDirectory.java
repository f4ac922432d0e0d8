package org.librarycampaign.report;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import library.campaign.events.BranchSettings;

/**
 * What the report needs to know of a branch: its time zone and who gets its report. A branch's own
 * settings on {@code campaign.branch-settings} win, else those of {@code *} (every branch without
 * its own); a field they leave out takes the report's settings ({@code campaign.report.zone},
 * {@code campaign.report.contacts.<branchId>} or {@code .contacts.*}).
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

  private Optional<BranchSettings> of(String branchId) {
    return Optional.ofNullable(published.apply(branchId))
        .or(() -> Optional.ofNullable(published.apply("*")));
  }

  public ZoneId zone(String branchId) {
    return of(branchId)
        .map(BranchSettings::getZone)
        .flatMap(BranchDirectory::zoneNamed)
        .orElse(settings.zone());
  }

  public List<String> reportContacts(String branchId) {
    return of(branchId)
        .map(BranchSettings::getReportContacts)
        .filter(contacts -> !contacts.isEmpty())
        .map(List::copyOf)
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
