package org.librarycampaign.crisis.response;

import java.util.List;
import library.campaign.events.ContactChannel;
import library.campaign.events.Severity;

/** Plans for the rule tests. */
final class Plans {

  static final Responder MANAGER =
      new Responder(
          "manager",
          "Dana Reyes",
          "Branch manager",
          Severity.LOW,
          List.of(
              new Contact(ContactChannel.EMAIL, "dana@library.example"),
              new Contact(ContactChannel.SMS, "+15550100")));
  static final Responder COMMS =
      new Responder(
          "comms",
          "Sam Ortiz",
          "Communications officer",
          Severity.MEDIUM,
          List.of(new Contact(ContactChannel.EMAIL, "sam@library.example")));
  static final Responder DIRECTOR =
      new Responder(
          "director",
          "Alex Kim",
          "Library director",
          Severity.CRITICAL,
          List.of(new Contact(ContactChannel.EMAIL, "alex@library.example")));
  static final Responder DEPUTY =
      new Responder(
          "deputy",
          "Jo Park",
          "Deputy director",
          Severity.MEDIUM,
          List.of(new Contact(ContactChannel.WEBHOOK, "https://chat.example/hooks/crisis")));

  /** Tier 0 (15 min): manager, comms, director; tier 1 (30 min): deputy; tier 2: manager again. */
  static final Plan DEFAULT =
      new Plan(
          "*",
          List.of("Hold all campaign posts", "Call the branch manager"),
          List.of(
              new Tier(15, List.of(MANAGER, COMMS, DIRECTOR)),
              new Tier(30, List.of(DEPUTY)),
              new Tier(60, List.of(MANAGER))));

  private Plans() {}
}
