package org.librarycampaign.dispatcher;

import java.util.function.Consumer;
import library.campaign.events.Notification;
import org.librarycampaign.dispatcher.channel.Channels;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;

/**
 * Delivers on the calling thread, before {@code submit} returns: for TopologyTestDriver tests,
 * where the outcome must be there by the end of the same punctuation.
 */
public final class InlineDeliverer implements Deliverer {

  private final Channels channels;

  public InlineDeliverer(Channels channels) {
    this.channels = channels;
  }

  @Override
  public void submit(Notification notification, Consumer<DeliveryOutcome> done) {
    done.accept(ThreadPoolDeliverer.timed(channels, notification));
  }

  @Override
  public void close() {}
}
