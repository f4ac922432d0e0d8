package org.librarycampaign.platform.events;

import java.util.Arrays;
import library.campaign.events.Severity;

/**
 * Which incident severities make a crisis (services/governance/README.md#the-rules): an unresolved
 * incident of severity HIGH or CRITICAL pauses its branch's campaign posts. Governance holds posts
 * by it and the dashboard shows the crises by it, so both read this one rule.
 */
public final class CrisisSeverity {

  private CrisisSeverity() {}

  public static boolean isCrisis(Severity severity) {
    return severity == Severity.HIGH || severity == Severity.CRITICAL;
  }

  /**
   * The same, for a severity by its name (as the dashboard's facts keep it); {@code null} or a name
   * the schema does not know is no crisis.
   */
  public static boolean isCrisis(String severityName) {
    return Arrays.stream(Severity.values())
        .anyMatch(severity -> severity.name().equals(severityName) && isCrisis(severity));
  }
}
