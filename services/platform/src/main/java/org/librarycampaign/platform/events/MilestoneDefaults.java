package org.librarycampaign.platform.events;

import library.campaign.events.MilestoneEvent;
import library.campaign.events.Stance;

/**
 * What a milestone means when its sender leaves a field out (services/conflicts/README.md#rules):
 * conflicts checks posts by it and the dashboard shows it, so both read these one defaults.
 */
public final class MilestoneDefaults {

  /** The margin kept clear before and after an AVOID milestone when none is given. */
  public static final int BUFFER_MINUTES = 120;

  private MilestoneDefaults() {}

  /**
   * The stance given, else its kind's: campaign milestones to amplify, community events to avoid.
   */
  public static Stance stance(MilestoneEvent milestone) {
    if (milestone.getStance() != null) {
      return milestone.getStance();
    }
    return switch (milestone.getKind()) {
      case CAMPAIGN_MILESTONE -> Stance.AMPLIFY;
      case COMMUNITY_EVENT -> Stance.AVOID;
      case OTHER -> Stance.NEUTRAL;
    };
  }

  /** The buffer given (as sent, even negative), else {@link #BUFFER_MINUTES}. */
  public static int bufferMinutes(MilestoneEvent milestone) {
    return milestone.getBufferMinutes() != null ? milestone.getBufferMinutes() : BUFFER_MINUTES;
  }
}
