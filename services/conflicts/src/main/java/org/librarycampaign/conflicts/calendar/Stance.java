package org.librarycampaign.conflicts.calendar;

/** Whether posts should coincide with a milestone, stay clear of it, or ignore it. */
public enum Stance {
  AMPLIFY,
  AVOID,
  NEUTRAL;

  /**
   * The stance given, else the default of the milestone's kind
   * (services/conflicts/README.md#rules).
   */
  public static Stance of(Stance given, MilestoneKind kind) {
    if (given != null) {
      return given;
    }
    return switch (kind) {
      case CAMPAIGN_MILESTONE -> AMPLIFY;
      case COMMUNITY_EVENT -> AVOID;
      case OTHER -> NEUTRAL;
    };
  }
}
