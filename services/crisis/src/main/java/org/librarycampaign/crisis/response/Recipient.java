package org.librarycampaign.crisis.response;

import java.util.Objects;

/** A responder reached on one of their contacts. */
public record Recipient(String responderId, String name, String role, Contact contact) {

  /** The role of a fallback contact in messages and on the dashboard. */
  public static final String FALLBACK_ROLE = "Fallback contact";

  public Recipient {
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(contact, "contact");
  }

  static Recipient of(Responder responder, Contact contact) {
    return new Recipient(responder.responderId(), responder.name(), responder.role(), contact);
  }

  /** Fallback contact {@code n} (from 1): responder id {@code fallback-<n>}. */
  static Recipient fallback(int n, FallbackContact person, Contact contact) {
    return new Recipient("fallback-" + n, person.name(), FALLBACK_ROLE, contact);
  }

  public boolean isFallback() {
    return FALLBACK_ROLE.equals(role) && responderId.startsWith("fallback-");
  }
}
