package org.librarycampaign.crisis.response;

import java.util.List;

/**
 * Responders told together; the next tier is told when nobody acknowledges within {@code
 * ackTimeoutMinutes}. A negative timeout counts as zero.
 */
public record Tier(int ackTimeoutMinutes, List<Responder> responders) {

  public Tier {
    ackTimeoutMinutes = Math.max(0, ackTimeoutMinutes);
    responders = List.copyOf(responders);
  }
}
