package org.librarycampaign.ingest.events;

/** A request body with more events than one request may carry. */
public final class TooManyEventsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int sent;
  private final int max;

  public TooManyEventsException(int sent, int max) {
    super(sent + " events in one request; at most " + max + " are allowed");
    this.sent = sent;
    this.max = max;
  }

  public int sent() {
    return sent;
  }

  public int max() {
    return max;
  }
}
