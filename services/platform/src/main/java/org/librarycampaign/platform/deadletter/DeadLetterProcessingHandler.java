package org.librarycampaign.platform.deadletter;

import java.util.Map;
import library.campaign.events.DeadLetterStage;
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
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    DeadLetterStage.PROCESSING,
                    exception,
                    context.sourceRawKey(),
                    context.sourceRawValue()))));
  }
}
