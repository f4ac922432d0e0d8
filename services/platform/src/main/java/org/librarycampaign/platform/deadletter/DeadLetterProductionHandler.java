package org.librarycampaign.platform.deadletter;

import java.util.List;
import java.util.Map;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * An output that cannot be serialized or that the broker refuses for good goes to dead letters
 * (with the input's bytes, since the output has none); a retriable send error is retried. An output
 * that cannot be serialized because the schema registry is down fails the task, which produces it
 * again later (see {@link RegistryOutage}).
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

  private DeadLetters deadLetters;
  private RegistryOutage registryOutage;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.from(configs);
    registryOutage = RegistryOutage.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    if (exception instanceof RetriableException) {
      return Response.retry();
    }
    return deadLetter(context, record.topic(), exception);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    if (RegistryOutage.isCauseOf(exception)) {
      registryOutage.waitBeforeRetry(context, DeadLetterStage.PRODUCTION.name(), exception);
      return Response.fail();
    }
    return deadLetter(context, record.topic(), exception);
  }

  private Response deadLetter(
      ErrorHandlerContext context, String outputTopic, Exception exception) {
    return Response.resume(
        List.of(
            deadLetters.record(
                new DeadLetters.Failure(
                    context.topic() != null ? context.topic() : outputTopic,
                    context.partition(),
                    context.offset(),
                    DeadLetterStage.PRODUCTION,
                    exception,
                    context.sourceRawKey(),
                    context.sourceRawValue()))));
  }
}
