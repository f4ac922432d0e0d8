package org.librarycampaign.conflicts.calendar;

/**
 * Whether posts should coincide with a milestone, stay clear of it, or ignore it; a milestone
 * without one takes its kind's ({@code MilestoneDefaults} of the platform).
 */
public enum Stance {
  AMPLIFY,
  AVOID,
  NEUTRAL
}
