package org.librarycampaign.platform.registry;

/** A registry call failed: says which subject (or id), the HTTP status and the registry's words. */
public class SchemaRegistryException extends RuntimeException {

  private final int httpStatus;

  public SchemaRegistryException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  public SchemaRegistryException(String message, int httpStatus) {
    this(message, httpStatus, null);
  }

  /** The HTTP status the registry answered, or 0 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  public boolean isNotFound() {
    return httpStatus == 404;
  }

  public boolean isIncompatible() {
    return httpStatus == 409;
  }

  /**
   * Whether the registry itself failed (unreachable, timed out, 5xx) rather than answering about
   * the request: the same call may succeed later, so what needed it must wait, not give up.
   */
  public boolean isUnavailable() {
    return httpStatus == 0 || httpStatus >= 500;
  }
}
