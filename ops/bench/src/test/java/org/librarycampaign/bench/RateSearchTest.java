package org.librarycampaign.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateSearchTest {

  /** A path that keeps up with any rate up to its limit. */
  private static RateSearch.Probe limit(double limit, List<Double> probed) {
    return rate -> {
      probed.add(rate);
      return new RateSearch.Step(rate, rate <= limit, "limit " + limit);
    };
  }

  @Property
  void theAnswerIsTheFirstProbeAtOrBelowTheLimit(
      @ForAll @DoubleRange(min = 100, max = 100_000) double start,
      @ForAll @DoubleRange(min = 1, max = 200_000) double limit,
      @ForAll @DoubleRange(min = 0.3, max = 0.9) double factor,
      @ForAll @IntRange(min = 1, max = 8) int maxProbes)
      throws Exception {
    List<Double> probed = new ArrayList<>();

    RateSearch.Result result =
        RateSearch.highestSustainable(start, factor, maxProbes, limit(limit, probed));

    assertThat(probed).hasSizeLessThanOrEqualTo(maxProbes);
    assertThat(result.rate()).isEqualTo(probed.get(probed.size() - 1));
    // every probe but the last fell behind: the search never passes over a rate that kept up
    assertThat(probed.subList(0, probed.size() - 1)).allMatch(rate -> rate > limit);
    if (result.found()) {
      assertThat(result.rate()).isLessThanOrEqualTo(limit);
    } else {
      assertThat(probed).hasSize(maxProbes).allMatch(rate -> rate > limit);
    }
  }

  @Nested
  class Search {

    @Test
    void aBacklogRateThatKeepsUpPacedIsTheAnswerAfterOneProbe() throws Exception {
      List<Double> probed = new ArrayList<>();

      RateSearch.Result result = RateSearch.highestSustainable(4000, 0.75, 4, limit(5000, probed));

      assertThat(probed).containsExactly(4000.0);
      assertThat(result.rate()).isEqualTo(4000);
      assertThat(result.found()).isTrue();
    }

    @Test
    void stepsDownByTheFactorUntilAProbeKeepsUp() throws Exception {
      List<Double> probed = new ArrayList<>();

      RateSearch.Result result = RateSearch.highestSustainable(4000, 0.75, 4, limit(2500, probed));

      assertThat(probed).containsExactly(4000.0, 3000.0, 2250.0);
      assertThat(result.rate()).isEqualTo(2250);
      assertThat(result.found()).isTrue();
      assertThat(result.steps())
          .extracting(RateSearch.Step::keptUp)
          .containsExactly(false, false, true);
    }

    @Test
    void stopsAfterTheLastProbeAndSaysNoRateKeptUp() throws Exception {
      List<Double> probed = new ArrayList<>();

      RateSearch.Result result = RateSearch.highestSustainable(1000, 0.5, 3, limit(10, probed));

      assertThat(probed).containsExactly(1000.0, 500.0, 250.0);
      assertThat(result.rate()).isEqualTo(250);
      assertThat(result.found()).isFalse();
      assertThat(result.describe()).startsWith("no paced rate kept up, lowest tried: 250/s");
    }

    @Test
    void describesEveryStep() throws Exception {
      RateSearch.Result result =
          RateSearch.highestSustainable(4000, 0.75, 4, limit(3500, new ArrayList<>()));

      assertThat(result.describe())
          .isEqualTo(
              "highest paced rate that kept up: 3,000/s (4,000/s fell behind (limit 3500.0);"
                  + " 3,000/s kept up (limit 3500.0))");
    }

    @Test
    void refusesAFactorThatDoesNotStepDown() {
      assertThatThrownBy(() -> RateSearch.highestSustainable(100, 1.0, 3, limit(1, List.of())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("0 < factor < 1");
    }
  }

  @Nested
  class Judge {

    @Test
    void aSteadyLagKeepsUp() {
      long[] lag = {200, 250, 180, 220, 240, 210, 190, 230, 200};

      RateSearch.Step step = RateSearch.judge(1000, lag, 0);

      assertThat(step.keptUp()).isTrue();
      assertThat(step.why())
          .isEqualTo("lag 0.21 s in the first third, 0.21 s in the last, 0 missing");
    }

    @Test
    void aLagThatGrowsByMoreThanTheAllowanceFellBehind() {
      // 1000/s offered: the lag grows from 0.2 s of events to 0.6 s
      long[] lag = {200, 200, 200, 400, 400, 400, 600, 600, 600};

      RateSearch.Step step = RateSearch.judge(1000, lag, 0);

      assertThat(step.keptUp()).isFalse();
    }

    @Test
    void growthWithinTheAllowanceKeepsUp() {
      long[] lag = {200, 200, 200, 300, 300, 300, 440, 440, 440};

      assertThat(RateSearch.judge(1000, lag, 0).keptUp()).isTrue();
    }

    @Test
    void aLagThatStaysAboveTheBoundFellBehindEvenWithoutGrowing() {
      long[] lag = {1600, 1600, 1600, 1600, 1600, 1600};

      assertThat(RateSearch.judge(1000, lag, 0).keptUp()).isFalse();
    }

    @Test
    void anyEventMissingAfterTheDrainFellBehind() {
      long[] lag = {10, 10, 10};

      RateSearch.Step step = RateSearch.judge(1000, lag, 1);

      assertThat(step.keptUp()).isFalse();
      assertThat(step.why()).endsWith("1 missing");
    }

    @Test
    void needsEnoughSamplesToCompareTheStartWithTheEnd() {
      assertThatThrownBy(() -> RateSearch.judge(1000, new long[] {1, 2}, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 3 lag samples");
    }
  }
}
