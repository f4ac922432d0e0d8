package org.librarycampaign.dashboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the decisions, the balance adds up the way governance counts. */
class BalanceProperties {

  private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  record Decided(int dayOffset, int hour, String category, String status) {}

  @Provide
  Arbitrary<Decided> decisions() {
    return Combinators.combine(
            Arbitraries.integers().between(-8, 14),
            Arbitraries.integers().between(0, 23),
            Arbitraries.of("CONTENT", "CAMPAIGN"),
            Arbitraries.of("APPROVED", "HELD", "REJECTED", "WITHDRAWN"))
        .as(Decided::new);
  }

  @Property
  void daysAddUpToTheWeekAndTheRatioFollowsTheContent(
      @ForAll @Size(max = 40) List<@net.jqwik.api.From("decisions") Decided> decided,
      @ForAll @IntRange(min = 1, max = 5) int cap) {
    FactsBuilder facts = new FactsBuilder().policy("eastside/FACEBOOK", cap, "UTC");
    int content = 0;
    int campaign = 0;
    for (int i = 0; i < decided.size(); i++) {
      Decided d = decided.get(i);
      Instant at = MONDAY.plusDays(d.dayOffset()).atTime(d.hour(), 0).toInstant(ZoneOffset.UTC);
      facts
          .post("p" + i, 1, "eastside/FACEBOOK", d.category(), at)
          .decided("p" + i, 1, "eastside/FACEBOOK", d.category(), at, d.status(), NOW);
      boolean thisWeek = d.dayOffset() >= 0 && d.dayOffset() < 7;
      if (thisWeek && d.status().equals("APPROVED")) {
        if (d.category().equals("CONTENT")) {
          content++;
        } else {
          campaign++;
        }
      }
    }

    ChannelBalance balance =
        Board.build(facts.build(), NOW, ZoneOffset.UTC, null, "/outbox").balance().get(0);

    assertThat(balance.content()).isEqualTo(content);
    assertThat(balance.campaign()).isEqualTo(campaign);
    assertThat(balance.days().stream().mapToInt(ChannelBalance.DayLoad::approved).sum())
        .isEqualTo(content + campaign);
    assertThat(balance.allowedCampaign()).isEqualTo(content / 3);
    assertThat(balance.contentNeeded()).isEqualTo(Math.max(0, (campaign + 1) * 3 - content));
    assertThat(balance.days()).allSatisfy(d -> assertThat(d.full()).isEqualTo(d.approved() >= cap));
  }
}
