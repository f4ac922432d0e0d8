package org.librarycampaign.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.librarycampaign.localruntime.SupervisedRegistry.RestartBackoff;

class SupervisedRegistryTest {

  private final RestartBackoff backoff =
      new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

  @Test
  void pausesDoubleFromTheInitialOneUpToTheMaximum() {
    assertThat(backoff.pauseBefore(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.pauseBefore(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.pauseBefore(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.pauseBefore(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.pauseBefore(1_000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aChildThatRanLessThanAMinuteDiedQuickly() {
    assertThat(backoff.diedQuickly(Duration.ofSeconds(59))).isTrue();
    assertThat(backoff.diedQuickly(Duration.ofMinutes(1))).isFalse();
  }
}
