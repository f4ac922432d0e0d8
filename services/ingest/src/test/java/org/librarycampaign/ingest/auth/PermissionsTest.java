package org.librarycampaign.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PermissionsTest {

  private static final Caller EASTSIDE = Caller.branch("eastside");

  @Test
  void aBranchTokenWritesItsOwnBranchsEvents() {
    for (String type :
        new String[] {
          "PostDrafted",
          "PostWithdrawn",
          "Milestone",
          "IncidentReported",
          "IncidentAcknowledged",
          "IncidentResolved"
        }) {
      assertThat(Permissions.refusalToWrite(EASTSIDE, type, "eastside")).as(type).isEmpty();
      assertThat(Permissions.refusalToWrite(EASTSIDE, type, "westside"))
          .as(type)
          .hasValue("this token writes only for branch \"eastside\"");
    }
  }

  @Test
  void onlyTheAdminAndTheBranchsReviewerReview() {
    Caller reviewer = Caller.reviewer("eastside");

    assertThat(Permissions.refusalToWrite(EASTSIDE, "PostReviewed", "eastside"))
        .hasValue("PostReviewed needs the admin token or the branch's reviewer token");
    assertThat(Permissions.refusalToWrite(reviewer, "PostReviewed", "eastside")).isEmpty();
    assertThat(Permissions.refusalToWrite(reviewer, "PostReviewed", "westside"))
        .hasValue("this token writes only for branch \"eastside\"");
    assertThat(Permissions.refusalToWrite(Caller.ADMIN, "PostReviewed", "westside")).isEmpty();
    // otherwise a reviewer's token has its branch's rights, and no more
    assertThat(Permissions.refusalToWrite(reviewer, "PostDrafted", "eastside")).isEmpty();
    assertThat(Permissions.refusalToWrite(reviewer, "ChannelPolicy", "eastside"))
        .hasValue("ChannelPolicy needs the admin token");
    assertThat(Permissions.refusalToRead(reviewer, "westside"))
        .hasValue("this token reads only branch \"eastside\"");
    assertThat(reviewer.describe()).isEqualTo("reviewer:eastside");
  }

  @Test
  void aBranchMayNotWriteAboutAPostOrIncidentOfAnotherBranchWithoutLearningWhose() {
    Caller westside = Caller.branch("westside");

    assertThat(Permissions.refusalOfId(westside, "post", "p1", Optional.of("eastside")))
        .hasValue("post \"p1\" belongs to another branch");
    assertThat(Permissions.refusalOfId(westside, "incident", "i1", Optional.of("eastside")))
        .hasValue("incident \"i1\" belongs to another branch");
    assertThat(Permissions.refusalOfId(EASTSIDE, "incident", "i1", Optional.of("eastside")))
        .isEmpty();
    assertThat(Permissions.refusalOfId(westside, "post", "new", Optional.empty()))
        .as("an id not seen yet")
        .isEmpty();
    assertThat(Permissions.refusalOfId(Caller.ADMIN, "incident", "i1", Optional.of("eastside")))
        .isEmpty();
  }

  @Test
  void policiesPlansAndEveryBranchNeedTheAdminToken() {
    assertThat(Permissions.refusalToWrite(EASTSIDE, "ChannelPolicy", "eastside"))
        .hasValue("ChannelPolicy needs the admin token");
    assertThat(Permissions.refusalToWrite(EASTSIDE, "ResponsePlan", "eastside"))
        .hasValue("ResponsePlan needs the admin token");
    assertThat(Permissions.refusalToWrite(EASTSIDE, "RotationOverride", "eastside"))
        .hasValue("RotationOverride needs the admin token");
    assertThat(Permissions.refusalToWrite(EASTSIDE, "BranchSettings", "eastside"))
        .hasValue("BranchSettings needs the admin token");
    assertThat(Permissions.refusalToWrite(EASTSIDE, "Officials", "eastside"))
        .hasValue("Officials needs the admin token");
    assertThat(Permissions.refusalToWrite(Caller.ADMIN, "Officials", "*")).isEmpty();
    assertThat(Permissions.refusalToWrite(EASTSIDE, "Milestone", "*"))
        .hasValue("events for every branch (\"*\") need the admin token");
    assertThat(Permissions.refusalOfAdminRoute(EASTSIDE, "ChannelPolicy events"))
        .hasValue("ChannelPolicy events need the admin token");
    assertThat(Permissions.refusalOfAdminRoute(Caller.ADMIN, "ChannelPolicy events")).isEmpty();
  }

  @Test
  void aBranchTokenReadsItsOwnBranchOnly() {
    assertThat(Permissions.refusalToRead(EASTSIDE, "eastside")).isEmpty();
    assertThat(Permissions.refusalToRead(EASTSIDE, "westside"))
        .hasValue("this token reads only branch \"eastside\"");
    assertThat(Permissions.refusalToRead(Caller.ADMIN, "westside")).isEmpty();
  }

  @Property
  void theAdminTokenMayWriteAnything(
      @ForAll("types") String type, @ForAll("branches") String branch) {
    assertThat(Permissions.refusalToWrite(Caller.ADMIN, type, branch)).isEmpty();
  }

  @Property
  void aBranchTokenNeverWritesForAnotherBranch(
      @ForAll("types") String type,
      @ForAll("branches") String own,
      @ForAll("branches") String other) {
    boolean allowed = Permissions.refusalToWrite(Caller.branch(own), type, other).isEmpty();
    if (allowed) {
      assertThat(other).isEqualTo(own);
      assertThat(type).isNotIn("ChannelPolicy", "ResponsePlan", "Officials", "PostReviewed");
    }
  }

  @Provide
  Arbitrary<String> types() {
    return Arbitraries.of(
        "PostDrafted",
        "PostWithdrawn",
        "PostReviewed",
        "Milestone",
        "IncidentReported",
        "IncidentAcknowledged",
        "IncidentResolved",
        "ChannelPolicy",
        "ResponsePlan",
        "Officials");
  }

  @Provide
  Arbitrary<String> branches() {
    return Arbitraries.oneOf(
        Arbitraries.of("eastside", "westside", "*"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
  }
}
