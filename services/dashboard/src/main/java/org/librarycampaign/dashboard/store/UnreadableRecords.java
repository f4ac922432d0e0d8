package org.librarycampaign.dashboard.store;

import java.time.Instant;
import org.librarycampaign.platform.deadletter.DeadLetters;

/**
 * Where a record the dashboard cannot read or fold goes.
 *
 * <p>The views are global stores, filled by Kafka Streams' global thread, and Kafka Streams 4.4
 * cannot send the dead letters of the platform's exception handlers from that thread (a
 * ClassCastException ends the thread, and with it the client). So the fold reads the bytes itself
 * and hands what it cannot read or fold here, and goes on with the next record.
 */
@FunctionalInterface
public interface UnreadableRecords {

  /**
   * @param failedAt the stream's wall-clock time when it failed
   */
  void failed(DeadLetters.Failure failure, Instant failedAt);
}
