package org.librarycampaign.crisis.response;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import library.campaign.events.Severity;

/**
 * A person on a response plan, told about incidents of {@code minSeverity} or worse; or an on-call
 * rotation, whose member on duty is told in its place.
 *
 * @param contacts how to reach the person; not used for a rotation (each member has their own)
 * @param rotation set when this responder is a rotation; {@code responderId} then names the
 *     rotation, and {@code role} and {@code minSeverity} apply to whoever is on duty
 */
public record Responder(
    String responderId,
    String name,
    String role,
    Severity minSeverity,
    List<Contact> contacts,
    Rotation rotation) {

  public Responder {
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(minSeverity, "minSeverity");
    contacts = List.copyOf(contacts);
  }

  /** A person (not a rotation). */
  public Responder(
      String responderId, String name, String role, Severity minSeverity, List<Contact> contacts) {
    this(responderId, name, role, minSeverity, contacts, null);
  }

  /** Severities are ordered LOW, MEDIUM, HIGH, CRITICAL, as the schema declares them. */
  public boolean handles(Severity severity) {
    return severity.compareTo(minSeverity) >= 0;
  }

  /**
   * Who is told at {@code at}: this responder, or for a rotation its member on duty then (with the
   * rotation's role and minimum severity).
   */
  public Responder onDuty(Instant at, List<RotationOverride> overrides) {
    if (rotation == null) {
      return this;
    }
    Rotation.Member member = rotation.onDuty(at, overrides);
    return new Responder(member.responderId(), member.name(), role, minSeverity, member.contacts());
  }
}
