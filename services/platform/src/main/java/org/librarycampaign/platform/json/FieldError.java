package org.librarycampaign.platform.json;

import java.util.Objects;

/**
 * One problem with one field of a JSON event line.
 *
 * @param field where, as a JSON path from the line's object: {@code "postId"}, {@code
 *     "hashtags[2]"}, {@code "tiers[0].responders[1].minSeverity"}; {@code "type"} for the event
 *     type; {@code "$"} for the line as a whole
 * @param message what is wrong, in words for the person who wrote the line
 */
public record FieldError(String field, String message) {

  /** The path that stands for the whole line. */
  public static final String WHOLE_LINE = "$";

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  /** {@code "field: message"}, the form printed by the CLI and joined in exception messages. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
