package org.librarycampaign.dispatcher.channel;

import library.campaign.events.Notification;

/** One way of reaching a person. Blocking; called off the stream thread. */
public interface Channel {

  /** Tries once. Never throws: an error is a {@link DeliveryOutcome.Failed}. */
  DeliveryOutcome deliver(Notification notification);
}
