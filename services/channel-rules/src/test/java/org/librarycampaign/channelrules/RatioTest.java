package org.librarycampaign.channelrules;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RatioTest {

  @Test
  void aCampaignPostFitsOnlyBelowOnePerContentPerCampaign() {
    assertThat(Ratio.allowsCampaign(0, 2, 3)).isFalse();
    assertThat(Ratio.allowsCampaign(0, 3, 3)).isTrue();
    assertThat(Ratio.allowsCampaign(1, 5, 3)).isFalse();
    assertThat(Ratio.allowsCampaign(1, 6, 3)).isTrue();
    assertThat(Ratio.allowsCampaign(2, 6, 3)).isFalse();
  }

  @Test
  void allowedCampaignRoundsDown() {
    assertThat(Ratio.allowedCampaign(0, 3)).isZero();
    assertThat(Ratio.allowedCampaign(5, 3)).isEqualTo(1);
    assertThat(Ratio.allowedCampaign(6, 3)).isEqualTo(2);
    assertThat(Ratio.allowedCampaign(7, 1)).isEqualTo(7);
  }

  @Test
  void contentNeededCountsTheHeldPostsAhead() {
    assertThat(Ratio.contentPostsNeeded(0, 0, 3, 0)).isEqualTo(3);
    assertThat(Ratio.contentPostsNeeded(1, 4, 3, 0)).isEqualTo(2);
    assertThat(Ratio.contentPostsNeeded(1, 4, 3, 2)).isEqualTo(8);
    assertThat(Ratio.contentPostsNeeded(0, 9, 3, 0)).isZero();
    assertThat(Ratio.contentPostsNeeded(0, 3, 3, 0)).isZero();
  }

  @Property
  void approvingTheNeededContentLetsTheCampaignPostIn(
      @ForAll @IntRange(min = 0, max = 20) int campaign,
      @ForAll @IntRange(min = 0, max = 80) int content,
      @ForAll @IntRange(min = 1, max = 6) int perCampaign,
      @ForAll @IntRange(min = 0, max = 5) int ahead) {
    int needed = Ratio.contentPostsNeeded(campaign, content, perCampaign, ahead);

    assertThat(needed).isNotNegative();
    assertThat(Ratio.allowsCampaign(campaign + ahead, content + needed, perCampaign)).isTrue();
    if (needed > 0) {
      assertThat(Ratio.allowsCampaign(campaign + ahead, content + needed - 1, perCampaign))
          .isFalse();
    }
  }
}
