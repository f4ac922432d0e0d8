package org.librarycampaign.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aBurstGoesThroughThenTheRateHoldsWithTheWaitInWholeSeconds() {
    TokenBuckets buckets = new TokenBuckets(0.5, 3, 10, now::get);

    OptionalLong first = buckets.tryTake("eastside");
    buckets.tryTake("eastside");
    OptionalLong third = buckets.tryTake("eastside");
    OptionalLong fourth = buckets.tryTake("eastside");
    now.addAndGet(2_000_000_000L);
    OptionalLong afterTwoSeconds = buckets.tryTake("eastside");
    OptionalLong another = buckets.tryTake("westside");

    assertThat(first).isEmpty();
    assertThat(third).isEmpty();
    assertThat(fourth).hasValue(2);
    assertThat(afterTwoSeconds).isEmpty();
    assertThat(another).isEmpty();
  }

  @Test
  void keepsAtMostTheGivenNumberOfKeysForgettingFullBucketsFirst() {
    TokenBuckets buckets = new TokenBuckets(1, 1, 2, now::get);
    buckets.tryTake("a");
    buckets.tryTake("b");

    OptionalLong aAgain = buckets.tryTake("a");
    now.addAndGet(1_000_000_000L);
    OptionalLong c = buckets.tryTake("c");
    OptionalLong d = buckets.tryTake("d");

    assertThat(aAgain).hasValue(1);
    assertThat(c).isEmpty();
    assertThat(d).isEmpty();
  }
}
