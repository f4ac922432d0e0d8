package org.librarycampaign.conflicts;

import java.time.ZoneId;
import org.librarycampaign.platform.config.CampaignConfig;

/**
 * The {@code campaign.conflicts.*} settings, read once from the config (documented in the module
 * README).
 *
 * @param zone {@code campaign.conflicts.zone}: the time zone of the times in messages; UTC by
 *     default
 */
public record ConflictsSettings(ZoneId zone) {

  public static final String ZONE = "campaign.conflicts.zone";

  private static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  public static ConflictsSettings from(CampaignConfig config) {
    return new ConflictsSettings(config.zone(ZONE, DEFAULT_ZONE));
  }
}
