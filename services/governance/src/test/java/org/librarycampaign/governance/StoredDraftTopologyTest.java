package org.librarycampaign.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.librarycampaign.governance.Lines.content;
import static org.librarycampaign.governance.Lines.reviewed;

import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.librarycampaign.governance.decision.PostRecord;
import org.librarycampaign.governance.decision.ReviewRecord;

/**
 * The draft a RESCHEDULE runs through the rules again is kept in the post record, so a draft writes
 * one value, not two
 * (docs/PERFORMANCE.md#second-round-after-the-gates-hold-expiry-reviews-and-spacing); a post stored
 * before, with its draft in the review record, is still rescheduled the same way.
 */
class StoredDraftTopologyTest {

  private static final String REVIEWED_AT = "2026-11-28T09:00:00Z";

  private final GovernanceDriver driver = new GovernanceDriver();
  private final GovernanceDriver before = new GovernanceDriver();

  @AfterEach
  void nothingElseWasWritten() {
    assertThat(driver.noMoreDecisions()).as("no decision left unread").isTrue();
    assertThat(before.noMoreDecisions()).as("no decision left unread").isTrue();
    driver.close();
    before.close();
  }

  private static List<String> send(GovernanceDriver to, Object... lines) {
    for (Object line : lines) {
      to.send(line.toString());
    }
    return GovernanceDriver.lines(to.decisions());
  }

  private static KeyValueStore<String, PostRecord> posts(GovernanceDriver of) {
    return of.harness().driver().getKeyValueStore(GovernanceTopology.POSTS_STORE);
  }

  private static KeyValueStore<String, ReviewRecord> reviews(GovernanceDriver of) {
    return of.harness().driver().getKeyValueStore(GovernanceTopology.REVIEWS_STORE);
  }

  @Test
  void aDraftIsKeptInItsPostRecordAndWritesNoReviewRecord() {
    send(driver, content("c1"));

    PostRecord post = posts(driver).get("c1");
    assertThat(post.draft()).isNotNull();
    assertThat(post.draft().postId()).isEqualTo("c1");
    assertThat(post.draft().revision()).isEqualTo(post.revision());
    assertThat(reviews(driver).get("c1")).as("no review, no review record").isNull();
  }

  @Test
  void aPostStoredWithItsDraftInTheReviewRecordIsRescheduledAsOne() {
    send(driver, content("c1"));
    send(before, content("c1"));
    // as an earlier version stored it: the post record without its draft, the draft beside it
    PostRecord stored = posts(before).get("c1");
    posts(before)
        .put(
            "c1",
            new PostRecord(
                stored.postId(),
                stored.revision(),
                stored.branchId(),
                stored.platform(),
                stored.category(),
                stored.campaignId(),
                stored.scheduledAt(),
                stored.draftedAt(),
                stored.window(),
                stored.day(),
                stored.status(),
                stored.released(),
                stored.warnings()));
    reviews(before).put("c1", ReviewRecord.empty().withDraft(stored.draft()));
    String move =
        reviewed("c1", 1, "RESCHEDULE", "Better on Wednesday", REVIEWED_AT, "2026-12-02T15:00:00Z");

    List<String> now = send(driver, move);

    assertThat(now).hasSize(1);
    assertThat(send(before, move)).isEqualTo(now);
    assertThat(posts(before).get("c1").draft().revision()).isEqualTo(2);
  }
}
