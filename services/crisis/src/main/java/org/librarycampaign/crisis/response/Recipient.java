package org.librarycampaign.crisis.response;

import java.util.Objects;

/** A responder reached on one of their contacts. */
public record Recipient(String responderId, String name, String role, Contact contact) {

  public Recipient {
    Objects.requireNonNull(responderId, "responderId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(contact, "contact");
  }

  static Recipient of(Responder responder, Contact contact) {
    return new Recipient(responder.responderId(), responder.name(), responder.role(), contact);
  }
}
