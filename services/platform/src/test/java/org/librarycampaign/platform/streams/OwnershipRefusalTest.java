package org.librarycampaign.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.librarycampaign.platform.streams.StreamsTestDriver.withdrawal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import library.campaign.events.IncidentAcknowledged;
import library.campaign.events.IncidentEvent;
import library.campaign.events.PostEvent;
import library.campaign.events.PostWithdrawn;
import org.junit.jupiter.api.Test;
import org.librarycampaign.platform.deadletter.RejectedRecord;

/**
 * {@link OwnershipGate#refuseIfOwnedByAnotherBranch}, the in-task check of the processors that read
 * an id's owner from a store of their own (docs/ARCHITECTURE.md#ownership-and-placement).
 */
class OwnershipRefusalTest {

  /** The owners as a processor's store names them; records each id asked for. */
  private final List<String> asked = new ArrayList<>();

  private Function<String, String> owners(Map<String, String> owners) {
    return id -> {
      asked.add(id);
      return owners.get(id);
    };
  }

  @Test
  void theOwnersEventPasses() {
    assertThatCode(
            () ->
                OwnershipGate.refuseIfOwnedByAnotherBranch(
                    withdrawal("p1", "eastside"), "postId", owners(Map.of("p1", "eastside"))))
        .doesNotThrowAnyException();
    assertThat(asked).containsExactly("p1");
  }

  @Test
  void anotherBranchsEventIsRefusedNamingTheIdAndTheSendingBranchButNotTheOwner() {
    RejectedRecord refused =
        catchThrowableOfType(
            RejectedRecord.class,
            () ->
                OwnershipGate.refuseIfOwnedByAnotherBranch(
                    withdrawal("p1", "westside"), "postId", owners(Map.of("p1", "eastside"))));

    assertThat(refused.reason()).isEqualTo(RejectedRecord.OWNERSHIP);
    assertThat(refused.getMessage())
        .isEqualTo("OWNERSHIP: postId p1 of branch westside belongs to another branch")
        .doesNotContain("eastside");
    assertThat(refused)
        .as("the words of the gates' refusal")
        .hasMessage(OwnershipGate.refusal("postId", "p1", "westside").getMessage());
  }

  @Test
  void theIdFieldNamesTheIdOfAnEnvelopesMemberOrOfABareEvent() {
    IncidentAcknowledged acknowledged =
        IncidentAcknowledged.newBuilder()
            .setIncidentId("i1")
            .setBranchId("westside")
            .setBy("ana")
            .setAt(Instant.parse("2026-11-28T09:30:00Z"))
            .build();
    Function<String, String> owners = owners(Map.of("i1", "eastside"));

    for (var event : List.of(new IncidentEvent(acknowledged), acknowledged)) {
      RejectedRecord refused =
          catchThrowableOfType(
              RejectedRecord.class,
              () -> OwnershipGate.refuseIfOwnedByAnotherBranch(event, "incidentId", owners));
      assertThat(refused)
          .as("%s", event.getSchema().getName())
          .hasMessage("OWNERSHIP: incidentId i1 of branch westside belongs to another branch");
    }
  }

  @Test
  void anIdNobodyOwnsClaimsNothing() {
    Function<String, String> owners = owners(Map.of());
    assertThatCode(
            () ->
                OwnershipGate.refuseIfOwnedByAnotherBranch(
                    withdrawal("p1", "westside"), "postId", owners))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                OwnershipGate.refuseIfOwnedByAnotherBranch(
                    withdrawal("p1", "eastside"), "postId", owners))
        .as("the first event about the id did not claim it")
        .doesNotThrowAnyException();
    assertThat(asked).containsExactly("p1", "p1");
  }

  @Test
  void anEventWithoutTheIdOrABranchPassesUnasked() {
    PostEvent noId = withdrawal("p1", "westside");
    ((PostWithdrawn) noId.getEvent()).put("postId", null);
    PostEvent noBranch = withdrawal("p1", "westside");
    ((PostWithdrawn) noBranch.getEvent()).put("branchId", null);
    Function<String, String> owners = owners(Map.of("p1", "eastside"));

    assertThatCode(() -> OwnershipGate.refuseIfOwnedByAnotherBranch(noId, "postId", owners))
        .doesNotThrowAnyException();
    assertThatCode(() -> OwnershipGate.refuseIfOwnedByAnotherBranch(noBranch, "postId", owners))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                OwnershipGate.refuseIfOwnedByAnotherBranch(
                    withdrawal("p1", "westside"), "incidentId", owners))
        .as("a record without the id field")
        .doesNotThrowAnyException();
    assertThatCode(() -> OwnershipGate.refuseIfOwnedByAnotherBranch(null, "postId", owners))
        .as("a tombstone")
        .doesNotThrowAnyException();
    assertThat(asked).isEmpty();
  }
}
