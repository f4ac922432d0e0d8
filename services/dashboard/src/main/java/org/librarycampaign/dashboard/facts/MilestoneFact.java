package org.librarycampaign.dashboard.facts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import library.campaign.events.MilestoneEvent;
import org.librarycampaign.platform.events.MilestoneDefaults;

/**
 * A milestone as its latest revision says, from {@code campaign.milestones}, kept by milestoneId. A
 * cancelled one is kept (marked), so that an older revision arriving late cannot bring it back.
 * {@code branchId} is {@code *} for every branch.
 */
public record MilestoneFact(
    String milestoneId,
    int revision,
    String kind,
    String stance,
    String campaignId,
    String branchId,
    String title,
    Instant startsAt,
    Instant endsAt,
    int bufferMinutes,
    boolean cancelled) {

  public static Fold<MilestoneEvent, MilestoneFact> fold() {
    return MilestoneFact::apply;
  }

  static List<Change<MilestoneFact>> apply(
      String recordKey, MilestoneEvent value, Function<String, MilestoneFact> current) {
    if (value == null) {
      return List.of();
    }
    MilestoneFact known = current.apply(value.getMilestoneId());
    if (known != null && known.revision() >= value.getRevision()) {
      return List.of();
    }
    return List.of(Change.put(value.getMilestoneId(), of(value)));
  }

  static MilestoneFact of(MilestoneEvent value) {
    return new MilestoneFact(
        value.getMilestoneId(),
        value.getRevision(),
        value.getKind().name(),
        MilestoneDefaults.stance(value).name(),
        value.getCampaignId(),
        value.getBranchId(),
        value.getTitle(),
        value.getStartsAt(),
        value.getEndsAt(),
        MilestoneDefaults.bufferMinutes(value),
        value.getCancelled());
  }

  /** Whether the milestone concerns the branch: its own, or every branch. */
  public boolean appliesTo(String branch) {
    return "*".equals(branchId) || branchId.equals(branch);
  }
}
