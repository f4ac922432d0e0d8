package org.librarycampaign.channelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import library.campaign.events.Platform;
import org.junit.jupiter.api.Test;

class ChannelRulesTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void aChannelWithoutPolicyTakesThePlatformDefaults() {
    ChannelRules rules = ChannelRules.defaults("eastside", Platform.INSTAGRAM);

    assertThat(rules)
        .isEqualTo(
            new ChannelRules(
                "eastside", Platform.INSTAGRAM, 3, 2, false, PlatformDefaults.ZONE, true));
    assertThat(rules.channelId()).isEqualTo("eastside/INSTAGRAM");
    assertThat(rules.textLimit()).isEqualTo(2200);
    assertThat(rules.capSetBy()).isEqualTo("Instagram");
  }

  @Test
  void aPolicyValueOverridesTheDefault() {
    ChannelRules rules = ChannelRules.of("eastside", Platform.X, 1, 1, CHICAGO, false);

    assertThat(rules)
        .isEqualTo(new ChannelRules("eastside", Platform.X, 1, 1, true, CHICAGO, false));
    assertThat(rules.capSetBy()).isEqualTo("the channel policy");
  }

  @Test
  void aPolicyValueBelowOneTakesTheDefault() {
    ChannelRules rules = ChannelRules.of("eastside", Platform.THREADS, 0, 0, null, true);

    assertThat(rules.contentPerCampaign()).isEqualTo(3);
    assertThat(rules.maxPostsPerDay()).isEqualTo(5);
    assertThat(rules.capFromPolicy()).isFalse();
    assertThat(rules.capSetBy()).isEqualTo("Threads");
  }

  @Test
  void rulesOutOfRangeOrIncompleteAreRefused() {
    assertThatThrownBy(() -> new ChannelRules("b", Platform.X, 0, 1, false, CHICAGO, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelRules("b", Platform.X, 1, 0, false, CHICAGO, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelRules(null, Platform.X, 1, 1, false, CHICAGO, true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ChannelRules("b", null, 1, 1, false, CHICAGO, true))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ChannelRules("b", Platform.X, 1, 1, false, null, true))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aZoneIsReadOnlyWhenThisJvmKnowsIt() {
    assertThat(ChannelRules.zoneNamed("America/Chicago")).contains(CHICAGO);
    assertThat(ChannelRules.zoneNamed(null)).isEmpty();
    assertThat(ChannelRules.zoneNamed(" ")).isEmpty();
    assertThat(ChannelRules.zoneNamed("Mars/Olympus_Mons")).isEmpty();
  }

  @Test
  void aDayHasRoomBelowTheCap() {
    ChannelRules rules = ChannelRules.of("eastside", Platform.FACEBOOK, null, 2, null, null);

    assertThat(rules.hasRoom(1)).isTrue();
    assertThat(rules.hasRoom(2)).isFalse();
  }

  @Test
  void theRatioUsesTheChannelsContentPerCampaign() {
    ChannelRules rules = ChannelRules.of("eastside", Platform.FACEBOOK, 2, null, null, null);

    assertThat(rules.allowedCampaign(5)).isEqualTo(2);
    assertThat(rules.ratioAllowsCampaign(1, 4)).isTrue();
    assertThat(rules.ratioAllowsCampaign(2, 4)).isFalse();
    assertThat(rules.contentPostsNeeded(2, 4, 1)).isEqualTo(4);
  }
}
