package org.librarycampaign.crisis.response;

/** An alert asks the recipient to act; a resolution notice tells them the incident is over. */
public enum NoticeKind {
  ALERT,
  RESOLUTION
}
