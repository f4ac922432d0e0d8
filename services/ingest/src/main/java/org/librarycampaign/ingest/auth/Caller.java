package org.librarycampaign.ingest.auth;

import java.util.Objects;

/** Who a request comes from, as told by its bearer token. */
public sealed interface Caller {

  /** The token of the library system's staff: every branch, channel policies, response plans. */
  Caller ADMIN = new Admin();

  static Caller branch(String branchId) {
    return new Branch(branchId);
  }

  /** A branch's reviewer: what the branch's token may do, and reviews of its posts. */
  static Caller reviewer(String branchId) {
    return new Branch(branchId, true);
  }

  /** A name safe to log and to tag metrics with: {@code admin} or {@code branch:<id>}. */
  String describe();

  /** The admin token. */
  record Admin() implements Caller {
    @Override
    public String describe() {
      return "admin";
    }
  }

  /**
   * A branch system's token: writes (and reads) only its own branch.
   *
   * @param reviewer a reviewer's token of the branch, which may also review its posts
   */
  record Branch(String branchId, boolean reviewer) implements Caller {
    public Branch {
      Objects.requireNonNull(branchId, "branchId");
    }

    public Branch(String branchId) {
      this(branchId, false);
    }

    @Override
    public String describe() {
      return (reviewer ? "reviewer:" : "branch:") + branchId;
    }
  }
}
