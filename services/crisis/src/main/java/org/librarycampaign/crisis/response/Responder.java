package org.librarycampaign.crisis.response;

import java.util.List;
import java.util.Objects;
import library.campaign.events.Severity;

/** A person on a response plan, told about incidents of {@code minSeverity} or worse. */
public record Responder(
    String responderId, String name, String role, Severity minSeverity, List<Contact> contacts) {

  public Responder {
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(minSeverity, "minSeverity");
    contacts = List.copyOf(contacts);
  }

  /** Severities are ordered LOW, MEDIUM, HIGH, CRITICAL, as the schema declares them. */
  public boolean handles(Severity severity) {
    return severity.compareTo(minSeverity) >= 0;
  }
}
