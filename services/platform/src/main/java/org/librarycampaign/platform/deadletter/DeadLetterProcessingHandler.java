package org.librarycampaign.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record a processor throws on goes to dead letters with the bytes it was read from; the task
 * goes on with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private DeadLetters deadLetters;
  private RegistryOutage registryOutage;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.from(configs);
    registryOutage = RegistryOutage.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (RegistryOutage.isCauseOf(exception)) {
      registryOutage.waitBeforeRetry(context, DeadLetterStage.PROCESSING.name(), exception);
      return Response.fail();
    }
    return Response.resume(
        deadLetters.handOver(
            context,
            deadLetters.record(
                new DeadLetters.Failure(
                    text(context.headers(), DeadLetters.HEADER_SOURCE_TOPIC, context.topic()),
                    (int)
                        number(
                            context.headers(),
                            DeadLetters.HEADER_SOURCE_PARTITION,
                            context.partition()),
                    number(context.headers(), DeadLetters.HEADER_SOURCE_OFFSET, context.offset()),
                    DeadLetterStage.PROCESSING,
                    exception,
                    context.sourceRawKey(),
                    context.sourceRawValue()))));
  }

  /** A header's text, or {@code otherwise} when absent. */
  private static String text(Headers headers, String name, String otherwise) {
    Header header = headers == null ? null : headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return otherwise;
    }
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A header's number, or {@code otherwise} when absent or not a number. */
  private static long number(Headers headers, String name, long otherwise) {
    try {
      return Long.parseLong(text(headers, name, Long.toString(otherwise)));
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
