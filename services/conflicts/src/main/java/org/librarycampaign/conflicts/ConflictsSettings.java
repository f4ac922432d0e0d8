package org.librarycampaign.conflicts;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.librarycampaign.platform.config.CampaignConfig;

/** The {@code campaign.conflicts.*} keys (documented in the module README). */
public final class ConflictsSettings {

  /** Time zone of the times in messages; UTC by default. */
  public static final String ZONE = "campaign.conflicts.zone";

  private static final String DEFAULT_ZONE = "UTC";

  private ConflictsSettings() {}

  public static ZoneId zone(CampaignConfig config) {
    String zone = config.get(ZONE, DEFAULT_ZONE);
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          ZONE + " must be a time zone such as UTC or America/Chicago, got '" + zone + "'", e);
    }
  }
}
