package org.librarycampaign.governance.hashtags.lookup;

import java.util.List;
import java.util.Map;
import library.campaign.events.Platform;

/**
 * Asks the network about hashtags this system has not used before, for one channel. Returns within
 * the look-up's timeout whatever the network does: a tag without an answer by then is {@link
 * TagCheck.NotChecked}. A channel without an account gets no answer at all (an empty map), and so
 * its decisions are exactly those without a look-up.
 */
public interface HashtagLookup {

  /** No look-up anywhere: {@code campaign plan}, and every channel without an account. */
  HashtagLookup NONE = (branchId, platform, tags) -> Map.of();

  /**
   * @param tags normalized tags (docs: governance README, "Hashtags used before")
   * @return a check per tag asked, by normalized tag; empty when the channel has no account
   */
  Map<String, TagCheck> check(String branchId, Platform platform, List<String> tags);
}
