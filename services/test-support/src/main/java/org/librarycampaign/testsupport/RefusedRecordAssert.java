package org.librarycampaign.testsupport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import library.campaign.events.DeadLetter;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.assertj.core.api.AbstractAssert;
import org.librarycampaign.platform.deadletter.DeadLetters;
import org.librarycampaign.platform.deadletter.RejectedRecord;
import org.librarycampaign.platform.topics.Topic;

/**
 * Assertions on the dead letter of a record a processor refused on purpose (a {@link
 * RejectedRecord}, such as another branch's event about an id it does not own; see
 * docs/ARCHITECTURE.md#dead-letters): its stage, error and message, where it came from, its reason
 * header and the refused record's own bytes.
 *
 * <pre>{@code
 * assertThatRefused(letter.value(), letter.headers())
 *     .isRejected("OWNERSHIP: postId p1 of branch westside belongs to another branch")
 *     .hasReason(RejectedRecord.OWNERSHIP)
 *     .cameFrom(postTopic.name(), 3)
 *     .holds(postTopic, sent);
 * }</pre>
 */
public final class RefusedRecordAssert extends AbstractAssert<RefusedRecordAssert, DeadLetter> {

  private final Headers headers;

  private RefusedRecordAssert(DeadLetter letter, Headers headers) {
    super(letter, RefusedRecordAssert.class);
    this.headers = headers;
  }

  /** The dead letter alone: everything but {@link #hasReason}, which reads a header. */
  public static RefusedRecordAssert assertThatRefused(DeadLetter letter) {
    return new RefusedRecordAssert(letter, null);
  }

  /** The dead letter and the headers it was written with. */
  public static RefusedRecordAssert assertThatRefused(DeadLetter letter, Headers headers) {
    return new RefusedRecordAssert(letter, headers);
  }

  /**
   * Refused on purpose while processing: stage {@code PROCESSING}, error {@link RejectedRecord},
   * and exactly this message (reason, colon, what was refused).
   */
  public RefusedRecordAssert isRejected(String message) {
    isNotNull();
    if (actual.getStage() != DeadLetterStage.PROCESSING) {
      failWithMessage("Expected stage PROCESSING but was <%s>", actual.getStage());
    }
    if (!RejectedRecord.class.getName().equals(actual.getErrorClass())) {
      failWithMessage(
          "Expected error class <%s> but was <%s>",
          RejectedRecord.class.getName(), actual.getErrorClass());
    }
    if (!Objects.equals(message, actual.getErrorMessage())) {
      failWithActualExpectedAndMessage(
          actual.getErrorMessage(),
          message,
          "Expected error message <%s> but was <%s>",
          message,
          actual.getErrorMessage());
    }
    return this;
  }

  /** The reason in the {@link DeadLetters#HEADER_REASON} header, e.g. {@code OWNERSHIP}. */
  public RefusedRecordAssert hasReason(String reason) {
    isNotNull();
    if (headers == null) {
      failWithMessage("No headers to read the reason from: use assertThatRefused(letter, headers)");
    }
    Header header = headers.lastHeader(DeadLetters.HEADER_REASON);
    if (header == null) {
      failWithMessage("Expected header %s but there was none", DeadLetters.HEADER_REASON);
    }
    String actualReason = new String(header.value(), StandardCharsets.UTF_8);
    if (!reason.equals(actualReason)) {
      failWithMessage("Expected reason <%s> but was <%s>", reason, actualReason);
    }
    return this;
  }

  /** The refused record was read from this topic. */
  public RefusedRecordAssert cameFrom(String topic) {
    isNotNull();
    if (!Objects.equals(topic, actual.getSourceTopic())) {
      failWithMessage("Expected source topic <%s> but was <%s>", topic, actual.getSourceTopic());
    }
    return this;
  }

  /** The refused record was read from this topic at this offset. */
  public RefusedRecordAssert cameFrom(String topic, long offset) {
    cameFrom(topic);
    if (actual.getOffset() != offset) {
      failWithMessage("Expected source offset <%s> but was <%s>", offset, actual.getOffset());
    }
    return this;
  }

  /** The refused record was read from a topic whose name ends so (an internal topic). */
  public RefusedRecordAssert cameFromTopicEndingWith(String suffix) {
    isNotNull();
    if (actual.getSourceTopic() == null || !actual.getSourceTopic().endsWith(suffix)) {
      failWithMessage(
          "Expected a source topic ending with <%s> but was <%s>", suffix, actual.getSourceTopic());
    }
    return this;
  }

  /**
   * The dead letter holds the refused record's own bytes: read with {@code topic}'s value serde,
   * they are {@code sent}.
   */
  public RefusedRecordAssert holds(Topic<?, ?> topic, Object sent) {
    isNotNull();
    ByteBuffer value = actual.getValue();
    if (value == null) {
      failWithMessage("Expected the refused record's bytes but the dead letter holds none");
    }
    byte[] bytes = new byte[value.remaining()];
    value.duplicate().get(bytes);
    Object read = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    if (!Objects.equals(sent, read)) {
      failWithActualExpectedAndMessage(
          read,
          sent,
          "Expected the refused record's own bytes to read <%s> but read <%s>",
          sent,
          read);
    }
    return this;
  }
}
