package org.librarycampaign.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DeadlineKeysTest {

  @Test
  void keysSortInTimeOrderAndGiveTheirTimeBack() {
    Instant early = Instant.parse("2026-12-01T15:15:00Z");
    Instant later = Instant.parse("2027-01-01T00:00:00.001Z");
    Instant muchLater = Instant.parse("2286-11-20T17:46:40Z");

    List<String> sorted =
        Stream.of(
                DeadlineKeys.key(muchLater, "a"),
                DeadlineKeys.key(later, "a"),
                DeadlineKeys.key(early, "z"),
                DeadlineKeys.key(early, "b/with/slashes"))
            .sorted()
            .toList();

    assertThat(sorted)
        .containsExactly(
            DeadlineKeys.key(early, "b/with/slashes"),
            DeadlineKeys.key(early, "z"),
            DeadlineKeys.key(later, "a"),
            DeadlineKeys.key(muchLater, "a"));
    assertThat(sorted)
        .extracting(DeadlineKeys::dueAt)
        .containsExactly(early, early, later, muchLater);
  }
}
