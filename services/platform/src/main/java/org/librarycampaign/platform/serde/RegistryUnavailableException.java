package org.librarycampaign.platform.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be written or read because the schema registry could not be reached, timed out
 * or answered 5xx (after the client's own retries): nothing is wrong with the record, so it must
 * not go to dead letters. The dead-letter handlers answer FAIL for it; the stream thread is
 * replaced and the task starts again from its last commit, reading the record again.
 */
public final class RegistryUnavailableException extends SerializationException {

  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether this failure, or any of its causes, is a registry outage. */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof RegistryUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
