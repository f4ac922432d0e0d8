package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.campaign;
import static org.librarycampaign.governance.Lines.content;

import java.util.List;
import java.util.Map;
import library.campaign.events.ReasonCode;
import library.campaign.events.WarningCode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.TimeOrderedKey;

/**
 * Stale holds expire (README, "Stale holds expire"), through the production topology in the
 * topology harness: the wall clock moves with each line's time and with Tick lines, as in {@code
 * campaign plan}. Exact decisions, then nothing else.
 */
class HoldExpiryTopologyTest {

  /** k1's time, 2026-12-01T15:00:00Z, in the default zone (UTC). */
  private static final String K1_EXPIRED =
      "Still held when its time came (Tue 1 Dec, 15:00 UTC): it expired and will not be"
          + " published or released. To post it, draft a new revision for a later time.";

  private static final String RATIO_HOLD =
      "Held: this week has 0 approved campaign posts and 1 content post on eastside/FACEBOOK; 2"
          + " more content posts would free it";

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

  /** c1 approved, k1 held for the ratio, both drafted on Fri 27 Nov for Tue 1 Dec 15:00 UTC. */
  private void holdK1() {
    assertThat(send(content("c1"), campaign("k1").drafted("2026-11-27T10:05:00Z")))
        .containsExactly(
            Expected.content("c1")
                .approved()
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:00:00Z")
                .line(),
            Expected.campaign("k1")
                .heldForRatio(RATIO_HOLD, 2)
                .week(1, 0, 0)
                .decidedAt("2026-11-27T10:05:00Z")
                .line());
  }

  private static String k1Expired() {
    return Expected.campaign("k1")
        .expired(K1_EXPIRED)
        .week(1, 0, 0)
        .decidedAt("2026-12-01T15:00:00Z")
        .line();
  }

  @Test
  void aPostStillHeldAtItsTimeExpiresAtThatInstantOnce() {
    holdK1();

    assertThat(send(tick("2026-12-01T14:59:59.999Z"))).as("a millisecond before").isEmpty();
    assertThat(send(tick("2026-12-01T15:00:00Z"))).containsExactly(k1Expired());
    assertThat(send(tick("2026-12-02T15:00:00Z"))).as("once").isEmpty();
  }

  @Test
  void theReasonShowsTheTimeInTheChannelsZone() {
    driver.send(Lines.policy("eastside", "FACEBOOK", 3, 3, "America/Chicago", true));
    assertThat(send(campaign("k1"))).hasSize(1);

    assertThat(send(tick("2026-12-01T15:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .expired(
                    "Still held when its time came (Tue 1 Dec, 09:00 CST): it"
                        + " expired and will not be published or released. To post it, draft a"
                        + " new revision for a later time.")
                .window("2026-11-30T06:00:00Z", "2026-12-07T06:00:00Z", 0, 0, 0)
                .decidedAt("2026-12-01T15:00:00Z")
                .line());
  }

  @Test
  void aPostReleasedBeforeItsTimeDoesNotExpire() {
    holdK1();

    List<String> released =
        send(
            content("c2").at("2026-12-02T15:00:00Z").drafted("2026-11-28T09:00:00Z"),
            content("c3").at("2026-12-02T15:00:00Z").drafted("2026-11-28T09:01:00Z"));

    assertThat(released)
        .containsExactly(
            Expected.content("c2")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(2, 0, 0)
                .decidedAt("2026-11-28T09:00:00Z")
                .line(),
            Expected.content("c3")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(3, 0, 1)
                .decidedAt("2026-11-28T09:01:00Z")
                .line(),
            Expected.campaign("k1")
                .released()
                .week(3, 1, 1)
                .decidedAt("2026-11-28T09:01:00Z")
                .line());
    assertThat(send(tick("2026-12-08T00:00:00Z"))).isEmpty();
  }

  @Test
  void aNewRevisionForALaterTimeClearsTheOldTimeAndIsDecidedAsAnyDraft() {
    holdK1();

    List<String> moved =
        send(campaign("k1").revision(2).at("2026-12-08T15:00:00Z").drafted("2026-11-28T09:00:00Z"));
    assertThat(moved)
        .containsExactly(
            Expected.campaign("k1")
                .revision(2)
                .at("2026-12-08T15:00:00Z")
                .heldForRatio(
                    "Held: this week has 0 approved campaign posts and 0 content posts on"
                        + " eastside/FACEBOOK; 3 more content posts would free it",
                    3)
                .window("2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z", 0, 0, 0)
                .decidedAt("2026-11-28T09:00:00Z")
                .line());

    assertThat(send(tick("2026-12-01T15:00:00Z"))).as("the old time").isEmpty();
    assertThat(send(tick("2026-12-08T15:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .revision(2)
                .at("2026-12-08T15:00:00Z")
                .expired(
                    "Still held when its time came (Tue 8 Dec, 15:00 UTC): it expired and"
                        + " will not be published or released. To post it, draft a new revision"
                        + " for a later time.")
                .window("2026-12-07T00:00:00Z", "2026-12-14T00:00:00Z", 0, 0, 0)
                .decidedAt("2026-12-08T15:00:00Z")
                .line());
  }

  @Test
  void aNewRevisionAfterTheExpiryIsDecidedAsAnyDraft() {
    holdK1();
    assertThat(send(tick("2026-12-01T15:00:00Z"))).containsExactly(k1Expired());

    assertThat(
            send(
                content("c2").at("2026-12-02T15:00:00Z").drafted("2026-12-01T16:00:00Z"),
                content("c3").at("2026-12-02T15:00:00Z").drafted("2026-12-01T16:01:00Z"),
                campaign("k1")
                    .revision(2)
                    .at("2026-12-03T15:00:00Z")
                    .drafted("2026-12-01T16:02:00Z")))
        .containsExactly(
            Expected.content("c2")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(2, 0, 0)
                .decidedAt("2026-12-01T16:00:00Z")
                .line(),
            Expected.content("c3")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(3, 0, 1)
                .decidedAt("2026-12-01T16:01:00Z")
                .line(),
            Expected.campaign("k1")
                .revision(2)
                .at("2026-12-03T15:00:00Z")
                .approved()
                .week(3, 1, 1)
                .decidedAt("2026-12-01T16:02:00Z")
                .line());
  }

  @Test
  void nothingReleasesAnExpiredPostNorWithdrawsIt() {
    holdK1();

    // the two content posts that would have released k1 come after its time: the expiry first
    List<String> after =
        send(
            content("c2").at("2026-12-02T15:00:00Z").drafted("2026-12-01T16:00:00Z"),
            content("c3").at("2026-12-02T15:00:00Z").drafted("2026-12-01T16:01:00Z"),
            Lines.withdrawn("k1", "eastside", "too late anyway", "2026-12-01T16:02:00Z"),
            Lines.withdrawn("c3", "eastside", "moved", "2026-12-01T16:03:00Z"));

    assertThat(after)
        .containsExactly(
            k1Expired(),
            Expected.content("c2")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(2, 0, 0)
                .decidedAt("2026-12-01T16:00:00Z")
                .line(),
            Expected.content("c3")
                .at("2026-12-02T15:00:00Z")
                .approved()
                .week(3, 0, 1)
                .decidedAt("2026-12-01T16:01:00Z")
                .line(),
            Expected.content("c3")
                .at("2026-12-02T15:00:00Z")
                .withdrawn("Withdrawn by the branch: moved")
                .week(2, 0, 0)
                .decidedAt("2026-12-01T16:03:00Z")
                .line());
  }

  @Test
  void aCrisisHoldResolvedAfterThePostsTimeReleasesNothing() {
    driver.send(Lines.policy("eastside", "FACEBOOK", 1, 3, null, true));
    driver.send(Lines.reported("i1", "eastside", "HIGH", "2026-11-27T09:00:00Z"));
    String crisis = "eastside is in a crisis (incident i1, HIGH)";
    assertThat(send(content("c1"), campaign("k1").drafted("2026-11-27T10:30:00Z")))
        .containsExactly(
            Expected.content("c1")
                .approved()
                .warning(
                    WarningCode.CRISIS_ACTIVE,
                    crisis + ": check that this post reads well in the moment")
                .week(1, 0, 1)
                .decidedAt("2026-11-27T10:00:00Z")
                .line(),
            Expected.campaign("k1")
                .held(
                    ReasonCode.CRISIS_PAUSE,
                    "Held: " + crisis + "; campaign posts wait until it is resolved")
                .week(1, 0, 1)
                .decidedAt("2026-11-27T10:30:00Z")
                .line());

    // resolved on Thu 3 Dec, two days after k1's time (Tue 1 Dec): the post is not released late
    assertThat(send(Lines.resolved("i1", "eastside", "2026-12-03T12:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .expired(K1_EXPIRED)
                .week(1, 0, 1)
                .decidedAt("2026-12-01T15:00:00Z")
                .line());
  }

  @Test
  void aPostDraftedAfterItsTimeAndHeldExpiresAtOnceStampedWithItsDraft() {
    assertThat(send(content("c1"))).hasSize(1);

    assertThat(send(campaign("k1").drafted("2026-12-01T16:00:00Z")))
        .containsExactly(
            Expected.campaign("k1")
                .heldForRatio(RATIO_HOLD, 2)
                .week(1, 0, 0)
                .decidedAt("2026-12-01T16:00:00Z")
                .line());
    assertThat(send(tick("2026-12-01T16:00:01Z")))
        .containsExactly(
            Expected.campaign("k1")
                .expired(K1_EXPIRED)
                .week(1, 0, 0)
                .decidedAt("2026-12-01T16:00:00Z")
                .line());
  }

  @Test
  void theScheduleHoldsOneEntryPerHeldPostKeyedByTimeAndPost() {
    holdK1();
    KeyValueStore<TimeOrderedKey, String> schedule =
        driver.harness().driver().getKeyValueStore(GovernanceTopology.HOLD_EXPIRIES_STORE);

    assertThat(
            schedule.get(new TimeOrderedKey(java.time.Instant.parse("2026-12-01T15:00:00Z"), "k1")))
        .isEqualTo("k1");
    try (var all = schedule.all()) {
      assertThat(all).toIterable().hasSize(1);
    }

    send(tick("2026-12-01T15:00:00Z"));
    assertThat(
            schedule.get(new TimeOrderedKey(java.time.Instant.parse("2026-12-01T15:00:00Z"), "k1")))
        .isNull();
  }

  @Test
  void theCheckIntervalIsASetting() {
    assertThat(
            GovernanceSettings.from(
                    CampaignConfig.of(Map.of(GovernanceSettings.EXPIRY_CHECK_INTERVAL, "30s")))
                .expiryCheckInterval())
        .hasSeconds(30);
    assertThat(GovernanceSettings.from(CampaignConfig.of(Map.of())).expiryCheckInterval())
        .hasSeconds(1);
  }
}
