package org.librarycampaign.crisis.response;

import java.util.List;
import java.util.Objects;

/**
 * What an event or a deadline did to an incident.
 *
 * @param incident the incident afterwards
 * @param notices the messages to send, in order
 * @param changed whether anything changed (and so whether a new status is due)
 */
public record Outcome(Incident incident, List<Notice> notices, boolean changed) {

  public Outcome {
    Objects.requireNonNull(incident, "incident");
    notices = List.copyOf(notices);
  }

  static Outcome unchanged(Incident incident) {
    return new Outcome(incident, List.of(), false);
  }

  static Outcome changed(Incident incident, List<Notice> notices) {
    return new Outcome(incident, notices, true);
  }
}
