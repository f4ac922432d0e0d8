package org.librarycampaign.ingest.write;

/** The broker (or the schema registry) did not take a request's records in time. */
public final class WriteFailedException extends Exception {

  private static final long serialVersionUID = 1L;

  public WriteFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
