package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import library.campaign.events.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spacing between posts ({@code minMinutesBetweenPosts}, TOO_CLOSE) and the weekly ceiling on
 * campaign posts ({@code maxCampaignPostsPerWeek}, WEEKLY_CAMPAIGN_LIMIT) through the production
 * topology: exact decisions, then nothing else.
 */
class SpacingTopologyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The week of Mon 30 Nov 2026 in America/Chicago (CST, UTC-6). */
  private static final String START = "2026-11-30T06:00:00Z";

  private static final String END = "2026-12-07T06:00:00Z";

  private final GovernanceDriver driver = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
  }

  /** eastside/FACEBOOK in Chicago, 1 content post per campaign post, 8 posts a day. */
  static String policy(Integer minMinutesBetweenPosts, Integer maxCampaignPostsPerWeek) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "ChannelPolicy");
    node.put("branchId", "eastside");
    node.put("platform", "FACEBOOK");
    node.put("contentPerCampaign", 1);
    node.put("maxPostsPerDay", 8);
    node.put("zone", "America/Chicago");
    node.put("minMinutesBetweenPosts", minMinutesBetweenPosts);
    node.put("maxCampaignPostsPerWeek", maxCampaignPostsPerWeek);
    return node.toString();
  }

  private java.util.List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    return GovernanceDriver.lines(driver.decisions());
  }

  private static String tooClose(String other, String otherAt, int apart, String free) {
    return "Held: post "
        + other
        + " is approved for "
        + otherAt
        + " on eastside/FACEBOOK, "
        + apart
        + " minutes from this one, and the channel policy wants 30 minutes between posts;"
        + " nearest free time: "
        + free;
  }

  @Test
  void aPostCloserThanTheMinimumIsHeldAndOneExactlyAtTheMinimumIsApproved() {
    send(policy(30, null));

    assertThat(send(content("c1").at("2026-12-01T15:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2026-12-01T15:00:00Z")
                .approved()
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T10:00:00Z")
                .line());
    assertThat(send(content("c2").at("2026-12-01T15:20:00Z").drafted("2026-11-27T10:01:00Z")))
        .containsExactly(
            Expected.content("c2")
                .at("2026-12-01T15:20:00Z")
                .held(
                    ReasonCode.TOO_CLOSE,
                    tooClose("c1", "Tue 1 Dec, 09:00 CST", 20, "Tue 1 Dec, 09:30 CST"))
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T10:01:00Z")
                .line());
    assertThat(send(content("c3").at("2026-12-01T15:30:00Z").drafted("2026-11-27T10:02:00Z")))
        .containsExactly(
            Expected.content("c3")
                .at("2026-12-01T15:30:00Z")
                .approved()
                .window(START, END, 2, 0, 2)
                .decidedAt("2026-11-27T10:02:00Z")
                .line());
    // before c1 and within reach of c3 too: the nearest free time is past both
    assertThat(send(campaign("k1").at("2026-12-01T14:50:00Z").drafted("2026-11-27T10:03:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .at("2026-12-01T14:50:00Z")
                .held(
                    ReasonCode.TOO_CLOSE,
                    tooClose("c1", "Tue 1 Dec, 09:00 CST", 10, "Tue 1 Dec, 10:00 CST"))
                .window(START, END, 2, 0, 2)
                .decidedAt("2026-11-27T10:03:00Z")
                .line());
  }

  @Test
  void aHeldPostIsReleasedWhenTheOtherIsWithdrawn() {
    send(
        policy(30, null),
        content("c1").at("2026-12-01T15:00:00Z"),
        content("c2").at("2026-12-01T15:20:00Z").drafted("2026-11-27T10:01:00Z"));

    assertThat(send(Lines.withdrawn("c1", "eastside", "wrong photo", "2026-11-27T11:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2026-12-01T15:00:00Z")
                .withdrawn("Withdrawn by the branch: wrong photo")
                .window(START, END, 0, 0, 0)
                .decidedAt("2026-11-27T11:00:00Z")
                .line(),
            Expected.content("c2")
                .at("2026-12-01T15:20:00Z")
                .released()
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T11:00:00Z")
                .line());
  }

  @Test
  void aHeldPostIsReleasedWhenTheOtherMovesAndTheMovedOneIsDecidedAfter() {
    send(
        policy(30, null),
        content("c1").at("2026-12-01T15:00:00Z"),
        content("c2").at("2026-12-01T15:20:00Z").drafted("2026-11-27T10:01:00Z"));

    assertThat(
            send(
                content("c1")
                    .revision(2)
                    .at("2026-12-01T15:45:00Z")
                    .drafted("2026-11-27T12:00:00Z")))
        .containsExactly(
            Expected.content("c2")
                .at("2026-12-01T15:20:00Z")
                .released()
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T12:00:00Z")
                .line(),
            Expected.content("c1")
                .revision(2)
                .at("2026-12-01T15:45:00Z")
                .held(
                    ReasonCode.TOO_CLOSE,
                    tooClose("c2", "Tue 1 Dec, 09:20 CST", 25, "Tue 1 Dec, 09:50 CST"))
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T12:00:00Z")
                .line());
  }

  @Test
  void heldPostsAreReleasedOldestFirstAndOnlyWhileTheyKeepTheMinimum() {
    send(
        policy(30, null),
        content("c1").at("2026-12-01T15:00:00Z"),
        content("c2").at("2026-12-01T15:10:00Z").drafted("2026-11-27T10:01:00Z"),
        content("c3").at("2026-12-01T15:05:00Z").drafted("2026-11-27T10:02:00Z"));
    assertThat(driver.decisions()).isEmpty();

    // c2 was held first, so it takes the freed time; c3 is then too close to c2 and waits on
    assertThat(send(Lines.withdrawn("c1", "eastside", null, "2026-11-27T11:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2026-12-01T15:00:00Z")
                .withdrawn("Withdrawn by the branch")
                .window(START, END, 0, 0, 0)
                .decidedAt("2026-11-27T11:00:00Z")
                .line(),
            Expected.content("c2")
                .at("2026-12-01T15:10:00Z")
                .released()
                .window(START, END, 1, 0, 1)
                .decidedAt("2026-11-27T11:00:00Z")
                .line());
  }

  @Test
  void spacingReachesAcrossTheWeeksEdge() {
    String nextStart = END;
    String nextEnd = "2026-12-14T06:00:00Z";
    send(policy(30, null), content("c1").at("2026-12-07T05:50:00Z"));

    assertThat(send(content("c2").at("2026-12-07T06:10:00Z").drafted("2026-11-27T10:01:00Z")))
        .containsExactly(
            Expected.content("c2")
                .at("2026-12-07T06:10:00Z")
                .held(
                    ReasonCode.TOO_CLOSE,
                    tooClose("c1", "Sun 6 Dec, 23:50 CST", 20, "Mon 7 Dec, 00:20 CST"))
                .window(nextStart, nextEnd, 0, 0, 0)
                .decidedAt("2026-11-27T10:01:00Z")
                .line());
    assertThat(send(Lines.withdrawn("c1", "eastside", null, "2026-11-27T11:00:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2026-12-07T05:50:00Z")
                .withdrawn("Withdrawn by the branch")
                .window(START, END, 0, 0, 0)
                .decidedAt("2026-11-27T11:00:00Z")
                .line(),
            Expected.content("c2")
                .at("2026-12-07T06:10:00Z")
                .released()
                .window(nextStart, nextEnd, 1, 0, 1)
                .decidedAt("2026-11-27T11:00:00Z")
                .line());
  }

  @Test
  void theWeeklyCeilingHoldsCampaignPostsBeyondItUntilOneIsWithdrawn() {
    send(policy(null, 2));
    for (int i = 1; i <= 3; i++) {
      send(content("c" + i).at("2026-12-0" + i + "T15:00:00Z"));
    }
    send(campaign("k1").at("2026-12-01T16:00:00Z"), campaign("k2").at("2026-12-02T16:00:00Z"));
    assertThat(driver.decisions()).isEmpty();

    assertThat(send(campaign("k3").at("2026-12-03T16:00:00Z").drafted("2026-11-27T10:05:00Z")))
        .containsExactly(
            Expected.campaign("k3")
                .at("2026-12-03T16:00:00Z")
                .held(
                    ReasonCode.WEEKLY_CAMPAIGN_LIMIT,
                    "Held: this week has 2 approved campaign posts on eastside/FACEBOOK and the"
                        + " channel policy allows 2 campaign posts a week; it goes out when one of"
                        + " them is withdrawn or moved")
                .window(START, END, 3, 2, 3)
                .decidedAt("2026-11-27T10:05:00Z")
                .line());
    // more content does not lift the ceiling
    assertThat(send(content("c4").at("2026-12-04T15:00:00Z").drafted("2026-11-27T10:06:00Z")))
        .containsExactly(
            Expected.content("c4")
                .at("2026-12-04T15:00:00Z")
                .approved()
                .window(START, END, 4, 2, 4)
                .decidedAt("2026-11-27T10:06:00Z")
                .line());
    assertThat(send(Lines.withdrawn("k1", "eastside", null, "2026-11-27T11:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .at("2026-12-01T16:00:00Z")
                .withdrawn("Withdrawn by the branch")
                .window(START, END, 4, 1, 4)
                .decidedAt("2026-11-27T11:00:00Z")
                .line(),
            Expected.campaign("k3")
                .at("2026-12-03T16:00:00Z")
                .released()
                .window(START, END, 4, 2, 4)
                .decidedAt("2026-11-27T11:00:00Z")
                .line());
  }
}
