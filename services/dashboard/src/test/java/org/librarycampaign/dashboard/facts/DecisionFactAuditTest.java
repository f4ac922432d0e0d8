package org.librarycampaign.dashboard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import library.campaign.events.DecisionOverride;
import library.campaign.events.DecisionReview;
import library.campaign.events.DecisionSignOff;
import library.campaign.events.DecisionStatus;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import library.campaign.events.PostDecision;
import library.campaign.events.ReasonCode;
import library.campaign.events.ReviewAction;
import org.junit.jupiter.api.Test;
import org.librarycampaign.dashboard.TestRecords;
import org.librarycampaign.platform.serde.EventClasses;

/** The fold of decisions carries the audit trail, the override and the sign-off. */
class DecisionFactAuditTest {

  private static final Instant AT = Instant.parse("2026-12-04T15:00:00Z");
  private static final Instant HELD_AT = Instant.parse("2026-12-01T09:00:00Z");
  private static final Instant REVIEWED_AT = Instant.parse("2026-12-01T10:30:00Z");
  private static final Instant SIGNED_AT = Instant.parse("2026-12-01T11:00:00Z");

  static {
    // copying a generated record (newBuilder(record)) instantiates event classes
    EventClasses.trust();
  }

  private final Map<String, DecisionFact> store = new TreeMap<>();

  private void fold(PostDecision decision) {
    for (Change<DecisionFact> change :
        DecisionFact.apply(decision.getPostId(), decision, store::get)) {
      store.put(change.key(), change.fact());
    }
  }

  private static PostDecision held() {
    return TestRecords.held(
        "k1", "eastside", Platform.FACEBOOK, AT, ReasonCode.RATIO_LIMIT, "Too many", HELD_AT);
  }

  private static DecisionReview approve(int revision, Instant at) {
    return DecisionReview.newBuilder()
        .setRevision(revision)
        .setAction(ReviewAction.APPROVE)
        .setReviewer("ana")
        .setReason("Launch day")
        .setAt(at)
        .build();
  }

  private static PostDecision overridden(DecisionSignOff signOff) {
    DecisionReview review = approve(1, REVIEWED_AT);
    return PostDecision.newBuilder(held())
        .setStatus(DecisionStatus.APPROVED)
        .setReasons(List.of())
        .setDecidedAt(REVIEWED_AT)
        .setOverride(
            DecisionOverride.newBuilder()
                .setReviewer("ana")
                .setReason("Launch day")
                .setAt(REVIEWED_AT)
                .build())
        .setReviews(List.of(review))
        .setReview(review)
        .setSignOff(signOff)
        .build();
  }

  @Test
  void aDecisionOfTheRulesAloneHasNoTrailNoOverrideAndNoSignOff() {
    fold(held());

    DecisionFact fact = store.get("k1");
    assertThat(fact.override()).isNull();
    assertThat(fact.reviews()).isEmpty();
    assertThat(fact.signOff()).isNull();
  }

  @Test
  void anOverrideOfAHoldNamesTheReasonCodesOfTheHeldDecisionItOverrode() {
    fold(held());
    fold(
        overridden(
            DecisionSignOff.newBuilder()
                .setRequired(true)
                .setSignedBy("ana")
                .setSignedAt(REVIEWED_AT)
                .build()));

    DecisionFact fact = store.get("k1");
    assertThat(fact.status()).isEqualTo("APPROVED");
    assertThat(fact.override())
        .isEqualTo(
            new DecisionFact.ReviewerOverride(
                "ana", "Launch day", REVIEWED_AT, List.of("RATIO_LIMIT")));
    assertThat(fact.reviews())
        .containsExactly(
            new DecisionFact.Review(1, "APPROVE", "ana", "Launch day", REVIEWED_AT, null));
    assertThat(fact.signOff()).isEqualTo(new DecisionFact.SignOff(true, "ana", REVIEWED_AT));
    assertThat(fact.signOff().waiting()).isFalse();
  }

  @Test
  void aLaterDecisionOfTheSameRevisionKeepsTheOverriddenCodes() {
    fold(held());
    fold(overridden(null));
    fold(PostDecision.newBuilder(overridden(null)).setDecidedAt(SIGNED_AT).build());

    assertThat(store.get("k1").override().over()).containsExactly("RATIO_LIMIT");
  }

  @Test
  void anOverrideSeenWithoutItsHeldDecisionNamesNoCodes() {
    fold(overridden(null));

    assertThat(store.get("k1").override())
        .isEqualTo(new DecisionFact.ReviewerOverride("ana", "Launch day", REVIEWED_AT, List.of()));
  }

  @Test
  void aSignOffWaitsUntilAReviewerSignsAndARescheduleIsInTheTrail() {
    DecisionReview reschedule =
        DecisionReview.newBuilder()
            .setRevision(1)
            .setAction(ReviewAction.RESCHEDULE)
            .setReviewer("ben")
            .setReason(null)
            .setAt(REVIEWED_AT)
            .setScheduledAt(AT.plusSeconds(3600))
            .build();
    fold(
        PostDecision.newBuilder(
                TestRecords.decision(
                    "c1",
                    2,
                    "eastside",
                    Platform.FACEBOOK,
                    PostCategory.CAMPAIGN,
                    AT.plusSeconds(3600),
                    DecisionStatus.APPROVED,
                    REVIEWED_AT))
            .setReviews(List.of(reschedule))
            .setReview(reschedule)
            .setSignOff(DecisionSignOff.newBuilder().setRequired(true).build())
            .build());

    DecisionFact fact = store.get("c1");
    assertThat(fact.override()).isNull();
    assertThat(fact.reviews())
        .containsExactly(
            new DecisionFact.Review(
                1, "RESCHEDULE", "ben", null, REVIEWED_AT, AT.plusSeconds(3600)));
    assertThat(fact.signOff()).isEqualTo(new DecisionFact.SignOff(true, null, null));
    assertThat(fact.signOff().waiting()).isTrue();
  }
}
