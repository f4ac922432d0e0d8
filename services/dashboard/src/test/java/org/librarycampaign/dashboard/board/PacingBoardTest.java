package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.facts.PolicyFact;

/** The policy's spacing and weekly ceiling shown with the channel's balance. */
class PacingBoardTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void aChannelShowsItsSpacingAndWeeklyCeiling() {
    FactsBuilder facts = new FactsBuilder().policy("northgate/X", 8, "UTC");
    facts.policies.add(
        new PolicyFact("eastside/FACEBOOK", "eastside", "FACEBOOK", 3, 3, "UTC", true, 30, 2));

    Board board = Board.build(facts.build(), NOW, ZoneOffset.UTC, null, "/data/outbox");

    assertThat(board.balance())
        .extracting(
            ChannelBalance::channelId,
            ChannelBalance::minMinutesBetweenPosts,
            ChannelBalance::maxCampaignPostsPerWeek)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eastside/FACEBOOK", 30, 2),
            org.assertj.core.groups.Tuple.tuple("northgate/X", 0, 0));
  }

  @Test
  void valuesOutOfRangeAreShownAsOffAsGovernanceAppliesThem() {
    FactsBuilder facts = new FactsBuilder();
    facts.policies.add(
        new PolicyFact("eastside/FACEBOOK", "eastside", "FACEBOOK", 3, 3, "UTC", true, -5, 1000));

    Board board = Board.build(facts.build(), NOW, ZoneOffset.UTC, null, "/data/outbox");

    assertThat(board.balance().get(0).minMinutesBetweenPosts()).isZero();
    assertThat(board.balance().get(0).maxCampaignPostsPerWeek()).isZero();
  }
}
