package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.branchSettings;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import library.campaign.events.ReasonCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whose zone governance writes in and counts days and weeks in (services/governance/README.md,
 * "Local time"): the channel policy's, else the branch's settings', else those of every branch
 * ({@code *}), field by field, else UTC. Through the production topology in the topology harness,
 * exact decisions, then nothing else.
 */
class LocalZoneTopologyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** k1 (Tue 1 Dec 2026, 15:00 UTC) held, then expired, read in Chicago. */
  private static final String K1_EXPIRED_IN_CHICAGO =
      "Still held when its time came (Tue 1 Dec, 09:00 CST): it expired and will not be"
          + " published or released. To post it, draft a new revision for a later time.";

  /** The week of Mon 30 Nov 2026 in Chicago. */
  private static final String CHICAGO_START = "2026-11-30T06:00:00Z";

  private static final String CHICAGO_END = "2026-12-07T06:00:00Z";

  private final GovernanceDriver driver = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
  }

  private List<String> send(Object... lines) {
    for (Object line : lines) {
      driver.send(line.toString());
    }
    return GovernanceDriver.lines(driver.decisions());
  }

  private static String tick(String at) {
    return "{\"type\":\"Tick\",\"at\":\"" + at + "\"}";
  }

  /** An eastside/FACEBOOK policy that names no zone. */
  private static String policyWithoutZone(int maxPostsPerDay, Integer minMinutesBetweenPosts) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "ChannelPolicy");
    node.put("branchId", "eastside");
    node.put("platform", "FACEBOOK");
    node.put("maxPostsPerDay", maxPostsPerDay);
    node.put("minMinutesBetweenPosts", minMinutesBetweenPosts);
    return node.toString();
  }

  /** k1 held for the ratio (no content yet), then the clock reaches its time. */
  private List<String> holdK1ThenExpire() {
    assertThat(send(campaign("k1"))).hasSize(1);
    return send(tick("2026-12-01T15:00:00Z"));
  }

  private static String k1Expired(String message, String start, String end) {
    return Expected.campaign("k1")
        .expired(message)
        .window(start, end, 0, 0, 0)
        .decidedAt("2026-12-01T15:00:00Z")
        .line();
  }

  @Test
  void theBranchsZoneIsUsedWhenTheChannelHasNone() {
    send(branchSettings("eastside", "America/Chicago"));

    assertThat(holdK1ThenExpire())
        .containsExactly(k1Expired(K1_EXPIRED_IN_CHICAGO, CHICAGO_START, CHICAGO_END));
  }

  @Test
  void everyBranchsZoneIsUsedByABranchWithoutSettings() {
    send(branchSettings("*", "America/Chicago"));

    assertThat(holdK1ThenExpire())
        .containsExactly(k1Expired(K1_EXPIRED_IN_CHICAGO, CHICAGO_START, CHICAGO_END));
  }

  @Test
  void aBranchWhoseSettingsNameNoZoneTakesEveryBranchsZone() {
    send(branchSettings("eastside", null), branchSettings("*", "America/Chicago"));

    assertThat(holdK1ThenExpire())
        .containsExactly(k1Expired(K1_EXPIRED_IN_CHICAGO, CHICAGO_START, CHICAGO_END));
  }

  @Test
  void aBranchsOwnZoneWinsOverEveryBranchs() {
    send(branchSettings("*", "Asia/Tokyo"), branchSettings("eastside", "America/Chicago"));

    assertThat(holdK1ThenExpire())
        .containsExactly(k1Expired(K1_EXPIRED_IN_CHICAGO, CHICAGO_START, CHICAGO_END));
  }

  @Test
  void theChannelsZoneWinsOverTheBranchs() {
    send(
        branchSettings("eastside", "America/Chicago"),
        Lines.policy("eastside", "FACEBOOK", 3, 3, "America/New_York", true));

    assertThat(holdK1ThenExpire())
        .containsExactly(
            k1Expired(
                "Still held when its time came (Tue 1 Dec, 10:00 EST): it expired and will not be"
                    + " published or released. To post it, draft a new revision for a later time.",
                "2026-11-30T05:00:00Z",
                "2026-12-07T05:00:00Z"));
  }

  @Test
  void withNoZoneAnywhereTimesAreUtc() {
    send(branchSettings("westside", "America/Chicago"));

    assertThat(holdK1ThenExpire())
        .containsExactly(
            k1Expired(
                "Still held when its time came (Tue 1 Dec, 15:00 UTC): it expired and will not be"
                    + " published or released. To post it, draft a new revision for a later time.",
                "2026-11-30T00:00:00Z",
                "2026-12-07T00:00:00Z"));
  }

  /**
   * Kiritimati is UTC+14: 09:00 and 11:00 UTC on Tue 1 Dec are Tue 23:00 and Wed 01:00 there, two
   * local days, so a cap of one post a day lets both through (in UTC the second would be refused),
   * and the third, on the same local Wednesday, is refused naming local days.
   */
  @Test
  void theDailyCapCountsTheBranchsLocalDayFarFromUtc() {
    send(policyWithoutZone(1, null), branchSettings("eastside", "Pacific/Kiritimati"));
    String start = "2026-11-29T10:00:00Z";
    String end = "2026-12-06T10:00:00Z";

    assertThat(
            send(
                content("c1").at("2026-12-01T09:00:00Z"),
                content("c2").at("2026-12-01T11:00:00Z").drafted("2026-11-27T10:01:00Z"),
                content("c3").at("2026-12-01T12:00:00Z").drafted("2026-11-27T10:02:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2026-12-01T09:00:00Z")
                .approved()
                .window(start, end, 1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line(),
            Expected.content("c2")
                .at("2026-12-01T11:00:00Z")
                .approved()
                .window(start, end, 2, 0, 0)
                .decidedAt("2026-11-27T10:01:00Z")
                .line(),
            Expected.content("c3")
                .at("2026-12-01T12:00:00Z")
                .rejectedForDay(
                    "Rejected: the channel policy allows 1 post a day on eastside/FACEBOOK and Wed"
                        + " 2 Dec already has 1; next day with room: Thu 3 Dec",
                    "2026-12-03")
                .window(start, end, 2, 0, 0)
                .decidedAt("2026-11-27T10:02:00Z")
                .line());
  }

  /**
   * Clocks in Chicago go forward on Sun 14 Mar 2027 at 02:00 CST: 01:30 CST and 03:00 CDT are 30
   * minutes apart, and each time carries its own abbreviation. The week ends an hour earlier in UTC
   * than it started.
   */
  @Test
  void tooCloseAcrossTheSpringChangeNamesEachTimeInItsOwnOffset() {
    send(policyWithoutZone(8, 60), branchSettings("eastside", "America/Chicago"));
    String start = "2027-03-08T06:00:00Z";
    String end = "2027-03-15T05:00:00Z";

    assertThat(
            send(
                content("c1").at("2027-03-14T07:30:00Z").drafted("2027-03-01T10:00:00Z"),
                content("c2").at("2027-03-14T08:00:00Z").drafted("2027-03-01T10:01:00Z")))
        .containsExactly(
            Expected.content("c1")
                .at("2027-03-14T07:30:00Z")
                .approved()
                .window(start, end, 1, 0, 0)
                .decidedAt("2027-03-01T10:00:00Z")
                .line(),
            Expected.content("c2")
                .at("2027-03-14T08:00:00Z")
                .held(
                    ReasonCode.TOO_CLOSE,
                    "Held: post c1 is approved for Sun 14 Mar, 01:30 CST on eastside/FACEBOOK, 30"
                        + " minutes from this one, and the channel policy wants 60 minutes between"
                        + " posts; nearest free time: Sun 14 Mar, 03:30 CDT")
                .window(start, end, 1, 0, 0)
                .decidedAt("2027-03-01T10:01:00Z")
                .line());
  }
}
