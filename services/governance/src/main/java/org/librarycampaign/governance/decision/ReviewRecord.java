package org.librarycampaign.governance.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What governance remembers of a post for its reviews: its latest draft (a RESCHEDULE runs it
 * through the rules again at the new time), the audit trail, and the override and signature of a
 * revision. Stored beside the {@link PostRecord}, under the same post id.
 *
 * @param draft the latest revision as drafted (or as a RESCHEDULE made it), in records written
 *     before the {@link PostRecord} kept it; null otherwise (the post record's draft is the one)
 * @param trail every review applied, oldest first
 * @param override the reviewer's APPROVE of a HELD revision; applies to that revision only
 * @param signature the reviewer's APPROVE of a revision (its sign-off); that revision only
 */
public record ReviewRecord(Draft draft, List<ReviewEntry> trail, Stamp override, Stamp signature) {

  public ReviewRecord {
    trail = trail == null ? List.of() : List.copyOf(trail);
  }

  /** Who did what to which revision, when, and why. */
  public record Stamp(int revision, String reviewer, String reason, Instant at) {

    boolean covers(int postRevision) {
      return revision == postRevision;
    }
  }

  public static ReviewRecord empty() {
    return new ReviewRecord(null, List.of(), null, null);
  }

  public ReviewRecord withDraft(Draft latest) {
    return new ReviewRecord(latest, trail, override, signature);
  }

  public ReviewRecord with(ReviewEntry entry) {
    List<ReviewEntry> longer = new ArrayList<>(trail);
    longer.add(entry);
    return new ReviewRecord(draft, longer, override, signature);
  }

  public ReviewRecord withOverride(Stamp stamp) {
    return new ReviewRecord(draft, trail, stamp, signature);
  }

  public ReviewRecord withSignature(Stamp stamp) {
    return new ReviewRecord(draft, trail, override, stamp);
  }

  /** The override of this revision, if a reviewer approved it while it was held. */
  public Stamp overrideOf(int revision) {
    return override != null && override.covers(revision) ? override : null;
  }

  /** The sign-off of this revision, if a reviewer approved it. */
  public Stamp signatureOf(int revision) {
    return signature != null && signature.covers(revision) ? signature : null;
  }
}
