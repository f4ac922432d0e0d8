package org.librarycampaign.dashboard.review;

import org.librarycampaign.dashboard.facts.Facts;

/** What the review form needs: the facts now (to check a review) and where reviews go. */
public interface ReviewDesk {

  /**
   * @throws org.librarycampaign.dashboard.store.ViewUnavailableException when the views cannot be
   *     read now
   */
  Facts facts();

  /**
   * Writes the review, committed, before returning.
   *
   * @throws ReviewNotWrittenException when it could not be written now (the broker is away)
   */
  void write(Review review);
}
