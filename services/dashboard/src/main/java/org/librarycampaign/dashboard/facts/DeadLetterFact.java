package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.DeadLetter;

/**
 * A record some service could not read, process or write, from {@code campaign.dead-letters},
 * without its bytes. Kept by where the record came from ({@code topic/partition/offset}), so a dead
 * letter written twice for the same record counts once.
 */
public record DeadLetterFact(
    String sourceTopic,
    int partition,
    long offset,
    String applicationId,
    String stage,
    String errorClass,
    String errorMessage,
    Instant failedAt) {

  public static String key(String sourceTopic, int partition, long offset) {
    return String.format("%s/%05d/%020d", sourceTopic, partition, offset);
  }

  public static Fold<DeadLetter, DeadLetterFact> fold() {
    return DeadLetterFact::apply;
  }

  static List<Change<DeadLetterFact>> apply(
      String recordKey, DeadLetter value, Function<String, DeadLetterFact> current) {
    if (value == null) {
      return List.of();
    }
    return List.of(
        Change.put(
            key(value.getSourceTopic(), value.getPartition(), value.getOffset()),
            new DeadLetterFact(
                value.getSourceTopic(),
                value.getPartition(),
                value.getOffset(),
                value.getApplicationId(),
                value.getStage().name(),
                value.getErrorClass(),
                value.getErrorMessage(),
                value.getFailedAt())));
  }
}
