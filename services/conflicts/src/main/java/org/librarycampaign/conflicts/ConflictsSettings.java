package org.librarycampaign.conflicts;

import java.time.ZoneId;
import org.librarycampaign.platform.config.CampaignConfig;

/** The {@code campaign.conflicts.*} keys (documented in the module README). */
public final class ConflictsSettings {

  /** Time zone of the times in messages; UTC by default. */
  public static final String ZONE = "campaign.conflicts.zone";

  private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  private ConflictsSettings() {}

  public static ZoneId zone(CampaignConfig config) {
    return config.zone(ZONE, DEFAULT_ZONE);
  }
}
