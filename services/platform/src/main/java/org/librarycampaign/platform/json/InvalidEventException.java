package org.librarycampaign.platform.json;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON event line that cannot be accepted, with every problem found in it (in the order of the
 * line). The message is {@code "field: message; field2: message"}.
 */
public final class InvalidEventException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  /**
   * @param errors the problems, at least one
   */
  public InvalidEventException(List<FieldError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  /** One problem. */
  public InvalidEventException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** The problems, in the order of the line; never empty. */
  public List<FieldError> errors() {
    return errors;
  }

  private static String describe(List<FieldError> errors) {
    if (errors == null || errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid event needs at least one error");
    }
    return errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
  }
}
