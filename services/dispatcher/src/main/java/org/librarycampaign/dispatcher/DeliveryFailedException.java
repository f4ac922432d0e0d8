package org.librarycampaign.dispatcher;

/** Why a notification was given up on: the error a dead-letter record carries. */
public final class DeliveryFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  public DeliveryFailedException(String message) {
    super(message, null, false, false);
  }
}
