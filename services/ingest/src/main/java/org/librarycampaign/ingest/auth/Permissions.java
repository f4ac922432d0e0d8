package org.librarycampaign.ingest.auth;

import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do. A branch token writes and reads its own branch only; the admin token does
 * everything, and is the only one for channel policies, response plans, rotation overrides, branch
 * settings, directories of officials and anything addressed to every branch ({@code *}). Reviews
 * ({@code PostReviewed}) need the admin token or the branch's reviewer token, which otherwise has
 * the branch token's rights.
 */
public final class Permissions {

  /** Event types that only the admin token may send. */
  private static final Set<String> ADMIN_TYPES =
      Set.of("ChannelPolicy", "ResponsePlan", "RotationOverride", "BranchSettings", "Officials");

  private static final String EVERY_BRANCH = "*";

  /** The event type only the admin token and a branch's reviewer token may send. */
  private static final String REVIEW_TYPE = "PostReviewed";

  private Permissions() {}

  /**
   * Why the caller may not send an event of this type for this branch; empty when it may.
   *
   * @param eventType the JSON type, e.g. {@code PostDrafted}
   * @param branchId the event's {@code branchId} ({@code *} for every branch)
   */
  public static Optional<String> refusalToWrite(Caller caller, String eventType, String branchId) {
    if (caller instanceof Caller.Admin) {
      return Optional.empty();
    }
    Caller.Branch branch = (Caller.Branch) caller;
    String own = branch.branchId();
    if (ADMIN_TYPES.contains(eventType)) {
      return Optional.of(eventType + " needs the admin token");
    }
    if (REVIEW_TYPE.equals(eventType) && !branch.reviewer()) {
      return Optional.of(eventType + " needs the admin token or the branch's reviewer token");
    }
    if (EVERY_BRANCH.equals(branchId)) {
      return Optional.of("events for every branch (\"*\") need the admin token");
    }
    if (!own.equals(branchId)) {
      return Optional.of("this token writes only for branch \"" + own + "\"");
    }
    return Optional.empty();
  }

  /**
   * Why the caller may not write an event about a post or incident owned by another branch; empty
   * when it may. The owner is not named: a branch learns nothing about another's ids.
   *
   * @param what {@code post} or {@code incident}
   * @param owner the id's owning branch, empty when the id is not seen yet
   */
  public static Optional<String> refusalOfId(
      Caller caller, String what, String id, Optional<String> owner) {
    if (caller instanceof Caller.Branch branch
        && owner.isPresent()
        && !owner.get().equals(branch.branchId())) {
      return Optional.of(what + " \"" + id + "\" belongs to another branch");
    }
    return Optional.empty();
  }

  /** Why the caller may not read what belongs to this branch; empty when it may. */
  public static Optional<String> refusalToRead(Caller caller, String branchId) {
    if (caller instanceof Caller.Branch branch && !branch.branchId().equals(branchId)) {
      return Optional.of("this token reads only branch \"" + branch.branchId() + "\"");
    }
    return Optional.empty();
  }

  /** Why the caller may not use a route that only the admin token may use; empty when it may. */
  public static Optional<String> refusalOfAdminRoute(Caller caller, String what) {
    return caller instanceof Caller.Admin
        ? Optional.empty()
        : Optional.of(what + " need the admin token");
  }
}
