package org.librarycampaign.crisis.response;

/**
 * An alert asks the recipient to act; a repeat asks the last tier again; a fallback alert asks the
 * fallback contacts to act on an incident nobody else is handling; a resolution notice tells them
 * the incident is over.
 */
public enum NoticeKind {
  ALERT,
  RESOLUTION,
  REPEAT,
  FALLBACK;

  /** Everything but a resolution notice asks the recipient to act. */
  public boolean asksToAct() {
    return this != RESOLUTION;
  }
}
