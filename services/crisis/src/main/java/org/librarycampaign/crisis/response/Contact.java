package org.librarycampaign.crisis.response;

import java.util.Objects;
import library.campaign.events.ContactChannel;

/** One way of reaching a responder: a channel and the address on it. */
public record Contact(ContactChannel channel, String address) {

  public Contact {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
  }
}
