package org.librarycampaign.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosTest {

  @Test
  void killPointsFallInsideTheWindowInOrderAndRepeatWithTheSeed() {
    Duration window = Duration.ofSeconds(100);
    List<Duration> points = new Chaos(7).points(window, 20);
    assertThat(points).hasSize(20).isSorted();
    assertThat(points)
        .allSatisfy(p -> assertThat(p).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(90)));
    assertThat(new Chaos(7).points(window, 20)).isEqualTo(points);
    assertThat(new Chaos(8).points(window, 20)).isNotEqualTo(points);
  }
}
