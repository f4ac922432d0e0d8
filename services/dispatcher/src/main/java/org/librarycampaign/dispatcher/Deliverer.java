package org.librarycampaign.dispatcher;

import java.util.function.Consumer;
import library.campaign.events.Notification;
import org.librarycampaign.dispatcher.channel.DeliveryOutcome;

/**
 * Runs delivery attempts away from the stream thread, so that a slow or dead peer holds up only the
 * attempt that waits on it. One per stream task, closed with it.
 */
public interface Deliverer extends AutoCloseable {

  /** Starts one attempt; {@code done} gets its outcome, on whatever thread finished it. */
  void submit(Notification notification, Consumer<DeliveryOutcome> done);

  /** Stops; attempts still running are interrupted and their outcomes dropped. */
  @Override
  void close();
}
