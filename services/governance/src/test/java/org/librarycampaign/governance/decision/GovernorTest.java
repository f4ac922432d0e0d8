package org.librarycampaign.governance.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.ReasonCode;
import library.campaign.events.Severity;
import library.campaign.events.WarningCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.balance.BalanceLedger;
import org.librarycampaign.governance.balance.WindowKey;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.governance.checks.PostChecks;
import org.librarycampaign.governance.hashtags.HashtagUse;
import org.librarycampaign.governance.policy.ChannelRules;

/**
 * The rules of services/governance/README.md#the-rules step by step, on the rules alone. The week
 * used is Mon 30 Nov to Sun 6 Dec 2026; posts go out at 15:00 UTC.
 */
class GovernorTest {

  private static final String CAMPAIGN_TEXT =
      "Tell the board: fund our library! https://example.org";

  private static final Instant LATER = Instant.parse("2026-11-25T00:00:00Z");
  private static final Instant DRAFTED = Instant.parse("2026-11-01T00:00:00Z");

  private final MemoryState state = new MemoryState();
  private final Governor governor = new Governor(state, new PostChecks(CallToAction.defaults()));
  private int clock;

  /** 15:00 UTC on a day of December 2026 (0 = Mon 30 Nov). */
  private static Instant dec(int day) {
    return Instant.parse(String.format("2026-12-%02dT15:00:00Z", day));
  }

  private Instant next() {
    return Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * ++clock);
  }

  private static Draft content(String id, int revision, Instant scheduledAt) {
    return new Draft(
        id,
        revision,
        "eastside",
        Platform.FACEBOOK,
        PostCategory.CONTENT,
        null,
        "Story time on Saturday",
        List.of(),
        List.of(),
        List.of(),
        1,
        scheduledAt,
        DRAFTED);
  }

  private static Draft campaign(String id, int revision, Instant scheduledAt) {
    return new Draft(
        id,
        revision,
        "eastside",
        Platform.FACEBOOK,
        PostCategory.CAMPAIGN,
        "budget-2027",
        CAMPAIGN_TEXT,
        List.of(),
        List.of("@CountyExec"),
        List.of("https://example.org"),
        1,
        scheduledAt,
        DRAFTED);
  }

  private List<Decision> draft(Draft draft) {
    Outcome outcome = governor.onDrafted(draft, next());
    state.recordUses(outcome.hashtagUses());
    return outcome.decisions();
  }

  private static List<String> summary(List<Decision> decisions) {
    return decisions.stream()
        .map(
            d ->
                d.postId()
                    + " r"
                    + d.revision()
                    + " "
                    + d.status()
                    + (d.released() ? " released" : ""))
        .toList();
  }

  private static WindowCounts counts(Decision decision) {
    return decision.window();
  }

  @Nested
  class Balance {

    @Test
    void aCampaignPostBeyondTheRatioIsHeldAndSaysHowManyContentPostsWouldFreeIt() {
      for (int i = 0; i < 6; i++) {
        assertThat(draft(content("c" + i, 1, dec(1 + i / 2)))).hasSize(1);
      }
      assertThat(summary(draft(campaign("k1", 1, dec(4))))).containsExactly("k1 r1 APPROVED");
      assertThat(summary(draft(campaign("k2", 1, dec(5))))).containsExactly("k2 r1 APPROVED");

      List<Decision> held = draft(campaign("k3", 1, dec(5)));

      assertThat(summary(held)).containsExactly("k3 r1 HELD");
      assertThat(held.get(0).reasons())
          .containsExactly(
              new Reason(
                  ReasonCode.RATIO_LIMIT,
                  "Held: this week has 2 approved campaign posts and 6 content posts on"
                      + " eastside/FACEBOOK; 3 more content posts would free it",
                  null,
                  3));
      assertThat(counts(held.get(0)))
          .isEqualTo(
              new WindowCounts(
                  Instant.parse("2026-11-30T00:00:00Z"),
                  Instant.parse("2026-12-07T00:00:00Z"),
                  6,
                  2,
                  2));
    }

    @Test
    void theContentPostThatCompletesTheRatioReleasesTheHeldPostRightAfterItsOwnApproval() {
      for (int i = 0; i < 2; i++) {
        draft(content("c" + i, 1, dec(1)));
      }
      assertThat(summary(draft(campaign("k1", 1, dec(2))))).containsExactly("k1 r1 HELD");

      List<Decision> decisions = draft(content("c2", 1, dec(3)));

      assertThat(summary(decisions)).containsExactly("c2 r1 APPROVED", "k1 r1 APPROVED released");
      assertThat(counts(decisions.get(0)).campaign()).isZero();
      assertThat(counts(decisions.get(1)))
          .extracting(WindowCounts::content, WindowCounts::campaign, WindowCounts::allowedCampaign)
          .containsExactly(3, 1, 1);
      assertThat(decisions.get(1).reasons()).isEmpty();
    }

    @Test
    void heldPostsAreReleasedOldestFirstAndTheWalkStopsAtTheFirstTheRatioDoesNotAllow() {
      draft(campaign("k1", 1, dec(4)));
      draft(campaign("k2", 1, dec(2)));
      List<Decision> third = draft(campaign("k3", 1, dec(3)));
      assertThat(third.get(0).reasons().get(0).message())
          .isEqualTo(
              "Held: this week has 0 approved campaign posts and 0 content posts on"
                  + " eastside/FACEBOOK and 2 held campaign posts are ahead of this one; 9 more"
                  + " content posts would free it");
      draft(content("c0", 1, dec(1)));
      draft(content("c1", 1, dec(1)));

      assertThat(summary(draft(content("c2", 1, dec(1)))))
          .containsExactly("c2 r1 APPROVED", "k1 r1 APPROVED released");
      assertThat(summary(draft(content("c3", 1, dec(5))))).containsExactly("c3 r1 APPROVED");
    }

    @Test
    void approvedPostsAreNeverRevokedWhenTheContentUnderThemIsWithdrawn() {
      state.withRules(rules(1, 3));
      draft(content("c0", 1, dec(1)));
      draft(campaign("k1", 1, dec(2)));

      List<Decision> withdrawn = governor.onWithdrawn("c0", "typo", LATER, next()).decisions();

      assertThat(summary(withdrawn)).containsExactly("c0 r1 WITHDRAWN");
      assertThat(counts(withdrawn.get(0)))
          .extracting(WindowCounts::content, WindowCounts::campaign, WindowCounts::allowedCampaign)
          .containsExactly(0, 1, 0);
      assertThat(summary(draft(campaign("k2", 1, dec(3))))).containsExactly("k2 r1 HELD");
    }
  }

  @Nested
  class DailyCap {

    @Test
    void aFullDayRejectsTheNextPostAndNamesTheNearestLaterDayWithRoom() {
      for (int i = 0; i < 3; i++) {
        draft(content("tue" + i, 1, dec(1)));
        draft(content("wed" + i, 1, dec(2)));
      }

      List<Decision> rejected = draft(content("late", 1, dec(1)));

      assertThat(summary(rejected)).containsExactly("late r1 REJECTED");
      assertThat(rejected.get(0).reasons())
          .containsExactly(
              new Reason(
                  ReasonCode.DAILY_LIMIT,
                  "Rejected: Facebook allows 3 posts a day on eastside/FACEBOOK and Tue 1 Dec"
                      + " already has 3; next day with room: Thu 3 Dec",
                  LocalDate.of(2026, 12, 3),
                  null));
      assertThat(counts(rejected.get(0)).content()).isEqualTo(6);
    }

    @Test
    void theNextDayWithRoomMayBeInALaterWeekAndACapFromThePolicyIsNamedAsSuch() {
      state.withRules(rules(3, 1));
      draft(content("sun", 1, dec(6)));
      draft(content("mon", 1, dec(7)));

      Reason reason = draft(campaign("k", 1, dec(6))).get(0).reasons().get(0);

      assertThat(reason.nextDayWithRoom()).isEqualTo(LocalDate.of(2026, 12, 8));
      assertThat(reason.message())
          .isEqualTo(
              "Rejected: the channel policy allows 1 post a day on eastside/FACEBOOK and Sun 6 Dec"
                  + " already has 1; next day with room: Tue 8 Dec");
    }

    @Test
    void daysAreLocalToTheChannelZone() {
      state.withRules(
          ChannelRules.of("eastside", Platform.FACEBOOK, 3, 1, ZoneId.of("America/Chicago"), true));
      draft(content("evening", 1, Instant.parse("2026-12-02T03:00:00Z")));

      List<Decision> sameLocalDay = draft(content("afternoon", 1, dec(1)));

      assertThat(summary(sameLocalDay)).containsExactly("afternoon r1 REJECTED");
      assertThat(sameLocalDay.get(0).reasons().get(0).message()).contains("Tue 1 Dec");
      assertThat(counts(sameLocalDay.get(0)).start())
          .isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
    }
  }

  @Nested
  class Checks {

    @Test
    void textLongerThanThePlatformAllowsIsRejectedCountingCodePoints() {
      String emoji = "\uD83D\uDCDA";
      Draft fits = onX("fits", emoji.repeat(280));
      Draft tooLong = onX("long", emoji.repeat(281));

      assertThat(summary(draft(fits))).containsExactly("fits r1 APPROVED");
      List<Decision> rejected = draft(tooLong);

      assertThat(summary(rejected)).containsExactly("long r1 REJECTED");
      assertThat(rejected.get(0).reasons())
          .containsExactly(
              Reason.of(
                  ReasonCode.TEXT_TOO_LONG,
                  "Rejected: the text has 281 characters and X allows at most 280 on eastside/X;"
                      + " shorten it by 1"));
    }

    private Draft onX(String id, String text) {
      return new Draft(
          id,
          1,
          "eastside",
          Platform.X,
          PostCategory.CONTENT,
          null,
          text,
          List.of(),
          List.of(),
          List.of(),
          1,
          dec(1),
          DRAFTED);
    }

    @Test
    void aCampaignPostOnAChannelWithoutPoliticalSpeechIsRejectedButContentIsNot() {
      state.withRules(ChannelRules.of("eastside", Platform.FACEBOOK, null, null, null, false));

      List<Decision> rejected = draft(campaign("k", 1, dec(1)));

      assertThat(rejected.get(0).reasons())
          .containsExactly(
              Reason.of(
                  ReasonCode.POLITICAL_SPEECH_RESTRICTED,
                  "Rejected: eastside/FACEBOOK may not carry political speech under the library's"
                      + " social-media policy; share this campaign post through partner and"
                      + " champion pages instead"));
      assertThat(summary(draft(content("c", 1, dec(1))))).containsExactly("c r1 APPROVED");
    }

    @Test
    void theStepsApplyInOrderSoATooLongPostOnAFullDayIsRejectedForItsText() {
      state.withRules(rules(3, 1));
      draft(content("c", 1, dec(1)));
      Draft longCampaign =
          new Draft(
              "k",
              1,
              "eastside",
              Platform.FACEBOOK,
              PostCategory.CAMPAIGN,
              "budget-2027",
              "x".repeat(5001),
              List.of(),
              List.of(),
              List.of(),
              0,
              dec(1),
              DRAFTED);

      assertThat(draft(longCampaign).get(0).reasons())
          .extracting(Reason::code)
          .containsExactly(ReasonCode.TEXT_TOO_LONG);
    }
  }

  @Nested
  class Crisis {

    @Test
    void duringACrisisCampaignPostsAreHeldAndContentPostsWarned() {
      state.withRules(rules(1, 3));
      governor.onIncidentReported("eastside", "i1", Severity.HIGH);

      List<Decision> content = draft(content("c", 1, dec(1)));
      List<Decision> held = draft(campaign("k", 1, dec(2)));

      assertThat(summary(content)).containsExactly("c r1 APPROVED");
      assertThat(content.get(0).warnings())
          .containsExactly(
              Warning.of(
                  WarningCode.CRISIS_ACTIVE,
                  "eastside is in a crisis (incident i1, HIGH): check that this post reads well in"
                      + " the moment"));
      assertThat(summary(held)).containsExactly("k r1 HELD");
      assertThat(held.get(0).reasons())
          .containsExactly(
              Reason.of(
                  ReasonCode.CRISIS_PAUSE,
                  "Held: eastside is in a crisis (incident i1, HIGH); campaign posts wait until it"
                      + " is resolved"));
    }

    @Test
    void lowAndMediumIncidentsAreNoCrisis() {
      state.withRules(rules(1, 3));
      governor.onIncidentReported("eastside", "i1", Severity.MEDIUM);
      draft(content("c", 1, dec(1)));

      assertThat(summary(draft(campaign("k", 1, dec(2))))).containsExactly("k r1 APPROVED");
    }

    @Test
    void whenTheLastCrisisEndsEveryWindowOfTheBranchIsReleasedOldestFirstSkippingFullDays() {
      state.withRules(rules(1, 2));
      state.withRules(ChannelRules.of("eastside", Platform.X, 1, 2, null, true));
      governor.onIncidentReported("eastside", "i1", Severity.HIGH);
      governor.onIncidentReported("eastside", "i2", Severity.CRITICAL);
      draft(campaign("nextWeek", 1, dec(8)));
      draft(campaign("sat", 1, dec(5)));
      draft(campaign("sun", 1, dec(6)));
      draft(onX("x1", 1, PostCategory.CAMPAIGN, dec(2)));
      draft(onX("xc", 1, PostCategory.CONTENT, dec(2)));
      draft(content("sat1", 1, dec(5)));
      draft(content("sat2", 1, dec(5)));
      draft(content("mon", 1, dec(7)));

      assertThat(governor.onIncidentResolved("eastside", "i1", next()).decisions()).isEmpty();
      Instant end = next();
      List<Decision> released = governor.onIncidentResolved("eastside", "i2", end).decisions();

      assertThat(summary(released))
          .containsExactly(
              "sun r1 APPROVED released",
              "x1 r1 APPROVED released",
              "nextWeek r1 APPROVED released");
      assertThat(released).allSatisfy(d -> assertThat(d.decidedAt()).isEqualTo(end));
      assertThat(
              state
                  .ledgers()
                  .get(WindowKey.of("eastside", Platform.FACEBOOK, LocalDate.of(2026, 12, 5)))
                  .held())
          .extracting(BalanceLedger.Held::postId)
          .containsExactly("sat");
    }

    private Draft onX(String id, int revision, PostCategory category, Instant at) {
      return new Draft(
          id,
          revision,
          "eastside",
          Platform.X,
          category,
          "budget-2027",
          CAMPAIGN_TEXT,
          List.of(),
          List.of("@CountyExec"),
          List.of("https://example.org"),
          1,
          at,
          DRAFTED);
    }

    @Test
    void aReplayedReportOfAResolvedIncidentDoesNotStartTheCrisisAgain() {
      state.withRules(rules(1, 3));
      governor.onIncidentReported("eastside", "i1", Severity.HIGH);
      governor.onIncidentResolved("eastside", "i1", next());
      governor.onIncidentReported("eastside", "i1", Severity.HIGH);
      draft(content("c", 1, dec(1)));

      assertThat(summary(draft(campaign("k", 1, dec(2))))).containsExactly("k r1 APPROVED");
    }
  }

  @Nested
  class Revisions {

    @Test
    void anOldOrRepeatedRevisionIsIgnored() {
      draft(content("c", 2, dec(1)));

      assertThat(draft(content("c", 2, dec(2)))).isEmpty();
      assertThat(draft(content("c", 1, dec(3)))).isEmpty();
    }

    @Test
    void aRevisionThatMovesAPostToAnotherWeekFreesItsPlaceFirstAndIsDecidedInItsNewWeek() {
      for (int i = 0; i < 3; i++) {
        draft(content("c" + i, 1, dec(1)));
      }
      draft(campaign("k1", 1, dec(2)));
      assertThat(summary(draft(campaign("k2", 1, dec(3))))).containsExactly("k2 r1 HELD");

      List<Decision> moved = draft(campaign("k1", 2, dec(9)));

      assertThat(summary(moved)).containsExactly("k2 r1 APPROVED released", "k1 r2 HELD");
      assertThat(counts(moved.get(1)))
          .isEqualTo(
              new WindowCounts(
                  Instant.parse("2026-12-07T00:00:00Z"),
                  Instant.parse("2026-12-14T00:00:00Z"),
                  0,
                  0,
                  0));
      assertThat(counts(moved.get(0)).campaign()).isEqualTo(1);
    }

    @Test
    void aHeldPostRevisedInItsWeekLeavesTheQueueAndJoinsItsBack() {
      draft(campaign("k1", 1, dec(2)));
      draft(campaign("k2", 1, dec(3)));
      draft(campaign("k1", 2, dec(4)));
      for (int i = 0; i < 2; i++) {
        draft(content("c" + i, 1, dec(1)));
      }

      assertThat(summary(draft(content("c2", 1, dec(1)))))
          .containsExactly("c2 r1 APPROVED", "k2 r1 APPROVED released");
    }
  }

  @Nested
  class Withdrawal {

    @Test
    void withdrawingAnApprovedPostFreesItsPlaceForTheOldestHeldOne() {
      state.withRules(rules(1, 3));
      draft(content("c", 1, dec(1)));
      draft(campaign("k1", 1, dec(2)));
      draft(campaign("k2", 1, dec(3)));

      List<Decision> decisions = governor.onWithdrawn("k1", "duplicate", LATER, next()).decisions();

      assertThat(summary(decisions)).containsExactly("k1 r1 WITHDRAWN", "k2 r1 APPROVED released");
      assertThat(decisions.get(0).reasons())
          .containsExactly(Reason.of(ReasonCode.WITHDRAWN, "Withdrawn by the branch: duplicate"));
      assertThat(counts(decisions.get(0)).campaign()).isZero();
      assertThat(counts(decisions.get(1)).campaign()).isEqualTo(1);
    }

    @Test
    void anUnknownOrAlreadyWithdrawnPostGivesNothingAndANewRevisionBringsItBack() {
      draft(content("c", 1, dec(1)));
      assertThat(governor.onWithdrawn("nope", null, LATER, next()).decisions()).isEmpty();
      assertThat(summary(governor.onWithdrawn("c", null, LATER, next()).decisions()))
          .containsExactly("c r1 WITHDRAWN");

      assertThat(governor.onWithdrawn("c", null, LATER, next()).decisions()).isEmpty();
      assertThat(draft(content("c", 1, dec(1)))).isEmpty();
      assertThat(summary(draft(content("c", 2, dec(1))))).containsExactly("c r2 APPROVED");
    }

    @Test
    void aWithdrawalOlderThanTheLiveRevisionWasMeantForAnEarlierOneAndChangesNothing() {
      Instant firstDraft = Instant.parse("2026-11-02T09:00:00Z");
      Instant withdrawal = Instant.parse("2026-11-03T09:00:00Z");
      Instant secondDraft = Instant.parse("2026-11-04T09:00:00Z");
      draft(redraft(1, firstDraft));
      governor.onWithdrawn("c", null, withdrawal, next());
      draft(redraft(2, secondDraft));

      assertThat(governor.onWithdrawn("c", null, withdrawal, next()).decisions()).isEmpty();
      assertThat(summary(governor.onWithdrawn("c", null, secondDraft, next()).decisions()))
          .containsExactly("c r2 WITHDRAWN");
    }

    private Draft redraft(int revision, Instant draftedAt) {
      return new Draft(
          "c",
          revision,
          "eastside",
          Platform.FACEBOOK,
          PostCategory.CONTENT,
          null,
          "Story time",
          List.of(),
          List.of(),
          List.of(),
          1,
          dec(1),
          draftedAt);
    }

    @Test
    void aRejectedPostCanBeWithdrawnWithoutTouchingItsWeek() {
      state.withRules(ChannelRules.of("eastside", Platform.FACEBOOK, null, null, null, false));
      draft(campaign("k", 1, dec(1)));

      List<Decision> withdrawn = governor.onWithdrawn("k", " ", LATER, next()).decisions();

      assertThat(summary(withdrawn)).containsExactly("k r1 WITHDRAWN");
      assertThat(withdrawn.get(0).reasons().get(0).message()).isEqualTo("Withdrawn by the branch");
    }
  }

  @Test
  void everyDecisionOfADraftIsStampedWithTheDraftsArrivalAndKeepsItsWarningsWhenReleased() {
    state.withRules(rules(1, 3));
    Draft bare =
        new Draft(
            "k",
            1,
            "eastside",
            Platform.FACEBOOK,
            PostCategory.CAMPAIGN,
            "budget-2027",
            "Our budget matters",
            List.of(),
            List.of(),
            List.of(),
            0,
            dec(2),
            DRAFTED);
    List<Decision> held = draft(bare);
    Instant contentArrives = next();

    List<Decision> released =
        governor.onDrafted(content("c", 1, dec(1)), contentArrives).decisions();

    assertThat(held.get(0).warnings())
        .extracting(Warning::code)
        .containsExactly(
            WarningCode.NO_CALL_TO_ACTION,
            WarningCode.NO_LINK,
            WarningCode.NO_VISUAL,
            WarningCode.NO_OFFICIALS_TAGGED);
    assertThat(released.get(1).warnings()).isEqualTo(held.get(0).warnings());
    assertThat(released).extracting(Decision::decidedAt).containsOnly(contentArrives);
    assertThat(released.get(1).status()).isEqualTo(DecisionStatus.APPROVED);
  }

  @Test
  void aTagUseIsOfferedToTheFirstUseViewOnlyWhenItCouldStillBeTheFirst() {
    Instant noon = Instant.parse("2026-11-27T12:00:00Z");

    Outcome first = governor.onDrafted(tagged("t1", "#ReadLocal"), noon);
    Outcome later = governor.onDrafted(tagged("t2", "#readlocal"), noon.plusSeconds(60));
    Outcome earlier = governor.onDrafted(tagged("t3", "#READLOCAL"), noon.minusSeconds(60));

    assertThat(first.hashtagUses())
        .containsExactly(new HashtagUse("#ReadLocal", "eastside", null, "t1", noon));
    assertThat(later.hashtagUses()).isEmpty();
    assertThat(earlier.hashtagUses()).extracting(HashtagUse::postId).containsExactly("t3");
  }

  private static Draft tagged(String id, String tag) {
    return new Draft(
        id,
        1,
        "eastside",
        Platform.FACEBOOK,
        PostCategory.CONTENT,
        null,
        "Story time",
        List.of(tag),
        List.of(),
        List.of(),
        1,
        dec(1),
        DRAFTED);
  }

  private static ChannelRules rules(int contentPerCampaign, int maxPostsPerDay) {
    return ChannelRules.of(
        "eastside", Platform.FACEBOOK, contentPerCampaign, maxPostsPerDay, null, true);
  }
}
