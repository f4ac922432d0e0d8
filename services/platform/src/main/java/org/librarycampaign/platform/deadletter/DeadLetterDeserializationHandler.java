package org.librarycampaign.platform.deadletter;

import java.util.Map;
import library.campaign.events.DeadLetterStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * A record that cannot be read goes to dead letters with its bytes; processing goes on. One that
 * cannot be read only because the schema registry is down is not bad: the task fails and reads it
 * again later (see {@link RegistryOutage}).
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private DeadLetters deadLetters;
  private RegistryOutage registryOutage;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = DeadLetters.from(configs);
    registryOutage = RegistryOutage.from(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (RegistryOutage.isCauseOf(exception)) {
      registryOutage.waitBeforeRetry(context, DeadLetterStage.DESERIALIZATION.name(), exception);
      return Response.fail();
    }
    return Response.resume(
        deadLetters.handOver(
            context,
            deadLetters.record(
                new DeadLetters.Failure(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    DeadLetterStage.DESERIALIZATION,
                    exception,
                    record.key(),
                    record.value()))));
  }
}
