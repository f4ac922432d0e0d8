package org.librarycampaign.crisis.response;

/** Where the response to an incident stands. */
public enum IncidentStage {
  /** Tier 0 was told; waiting for an acknowledgement. */
  OPEN,
  /** A later tier was told because nobody acknowledged in time; still waiting. */
  ESCALATED,
  /** Someone took charge; escalation stopped. */
  ACKNOWLEDGED,
  /** Handled; everyone told was sent a resolution notice. */
  RESOLVED,
  /** No usable response plan for the branch: only the fallback contacts were told. */
  UNROUTED,
  /**
   * Nobody acknowledged through the last tier and its repeats: the fallback contacts were told.
   * Still open: an acknowledgement or resolution ends it as usual.
   */
  EXHAUSTED
}
