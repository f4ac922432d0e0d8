package org.librarycampaign.governance.hashtags.lookup;

import java.util.Objects;

/** What the network said about one hashtag, as the rules read it. */
public sealed interface TagCheck {

  /**
   * Others posted with the tag recently.
   *
   * @param posts posts by others in the last {@code days} days that the look-up saw
   * @param atLeast true when the answer was a full page: there may be more
   * @param exampleUrl the address of the newest of them
   */
  record InUse(int posts, boolean atLeast, String exampleUrl, int days) implements TagCheck {
    public InUse {
      if (posts < 1) {
        throw new IllegalArgumentException("posts must be at least 1");
      }
      Objects.requireNonNull(exampleUrl, "exampleUrl");
    }
  }

  /** Nobody but our own accounts used the tag in the last days. */
  record Quiet() implements TagCheck {}

  /**
   * The network could not be asked, or did not answer in time.
   *
   * @param why for a person: "no answer within 2000 ms", "the server refused the account (HTTP
   *     401)"
   */
  record NotChecked(String why) implements TagCheck {
    public NotChecked {
      Objects.requireNonNull(why, "why");
    }
  }
}
