package org.librarycampaign.channelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class PacingTest {

  @Test
  void aChannelWithoutTheSettingsHasNoSpacingAndNoCeiling() {
    Pacing pacing = ChannelRules.defaults("eastside", Platform.X).pacing();

    assertThat(pacing).isEqualTo(Pacing.NONE).isEqualTo(Pacing.of(null, null));
    assertThat(pacing.spaced()).isFalse();
    assertThat(pacing.minGap()).isEqualTo(Duration.ZERO);
    assertThat(pacing.hasCeiling()).isFalse();
    assertThat(pacing.ceilingAllowsCampaign(1_000)).isTrue();
  }

  @Test
  void thePolicysValuesAreKept() {
    Pacing pacing = Pacing.of(30, 4);

    assertThat(pacing).isEqualTo(new Pacing(30, 4));
    assertThat(pacing.spaced()).isTrue();
    assertThat(pacing.minGap()).isEqualTo(Duration.ofMinutes(30));
    assertThat(pacing.hasCeiling()).isTrue();
    assertThat(pacing.ceilingAllowsCampaign(3)).isTrue();
    assertThat(pacing.ceilingAllowsCampaign(4)).isFalse();
  }

  @Test
  void theBoundsThemselvesAreAllowed() {
    assertThat(Pacing.of(1440, 100)).isEqualTo(new Pacing(1440, 100));
    assertThat(Pacing.of(1, 1)).isEqualTo(new Pacing(1, 1));
  }

  @Test
  void aValueOutOfRangeTurnsItsSettingOff() {
    assertThat(Pacing.of(-1, 0)).isEqualTo(Pacing.NONE);
    assertThat(Pacing.of(1441, 101)).isEqualTo(Pacing.NONE);
    assertThat(Pacing.of(0, -5)).isEqualTo(Pacing.NONE);
  }

  @Test
  void pacingOutOfRangeIsRefused() {
    assertThatThrownBy(() -> new Pacing(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Pacing(1441, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Pacing(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Pacing(0, 101)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rulesWithPacingKeepEverythingElse() {
    ChannelRules rules = ChannelRules.of("eastside", Platform.FACEBOOK, 2, 4, null, false);

    ChannelRules paced = rules.withPacing(new Pacing(15, 2));

    assertThat(paced.pacing()).isEqualTo(new Pacing(15, 2));
    assertThat(paced.withPacing(Pacing.NONE)).isEqualTo(rules);
    assertThatThrownBy(() -> rules.withPacing(null)).isInstanceOf(NullPointerException.class);
  }
}
