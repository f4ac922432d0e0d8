package org.librarycampaign.conflicts.calendar;

/** A campaign moment, a community event, or something else; decides the default stance. */
public enum MilestoneKind {
  CAMPAIGN_MILESTONE,
  COMMUNITY_EVENT,
  OTHER
}
