package org.librarycampaign.ingest.decisions;

/** The decision view cannot be queried now (starting, restoring, stopped). */
public final class ViewUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public ViewUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
