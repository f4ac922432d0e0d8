package org.librarycampaign.dashboard.store;

/** The views cannot be read now (the client is starting, rebalancing or stopping). */
public final class ViewUnavailableException extends RuntimeException {

  public ViewUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
