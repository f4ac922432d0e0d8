package org.librarycampaign.governance.hashtags.lookup;

import java.time.Instant;

/** One account's search of a network for recent posts with a tag; blocking, bounded by timeouts. */
public interface TagSearch {

  /**
   * Posts with the tag since {@code since}, not by our own accounts.
   *
   * @param tag normalized, without {@code #}
   * @param days the number of days {@code since} stands for (carried into the answer)
   */
  TagCheck search(String tag, Instant since, int days);
}
