package org.librarycampaign.dashboard.board;

import java.util.Comparator;
import java.util.List;
import org.librarycampaign.dashboard.facts.DeadLetterFact;
import org.librarycampaign.dashboard.facts.Facts;

/** How many records went to dead letters, and the latest {@link #SHOWN} with their reasons. */
public record DeadLetterView(int count, List<DeadLetterFact> latest) {

  static final int SHOWN = 10;

  public DeadLetterView {
    latest = List.copyOf(latest);
  }

  static DeadLetterView of(Facts facts) {
    return new DeadLetterView(
        facts.deadLetters().size(),
        facts.deadLetters().stream()
            .sorted(
                Comparator.comparing(DeadLetterFact::failedAt, Comparator.reverseOrder())
                    .thenComparing(DeadLetterFact::sourceTopic)
                    .thenComparingInt(DeadLetterFact::partition)
                    .thenComparingLong(DeadLetterFact::offset))
            .limit(SHOWN)
            .toList());
  }
}
