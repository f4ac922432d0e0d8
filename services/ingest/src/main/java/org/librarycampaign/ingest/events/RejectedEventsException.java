package org.librarycampaign.ingest.events;

import java.util.List;
import java.util.stream.Collectors;
import org.librarycampaign.platform.json.FieldError;

/** A request body with events that cannot be accepted, with every problem found in it. */
public final class RejectedEventsException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public RejectedEventsException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The problems, in the order of the body; never empty. */
  public List<FieldError> errors() {
    return errors;
  }
}
