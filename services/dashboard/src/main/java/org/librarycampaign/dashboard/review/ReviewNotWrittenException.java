package org.librarycampaign.dashboard.review;

/** A review could not be written now; the reviewer may send it again. */
public final class ReviewNotWrittenException extends RuntimeException {

  public ReviewNotWrittenException(String message, Throwable cause) {
    super(message, cause);
  }
}
