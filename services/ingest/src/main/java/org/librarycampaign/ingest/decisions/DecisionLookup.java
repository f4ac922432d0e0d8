package org.librarycampaign.ingest.decisions;

import java.util.Optional;
import library.campaign.events.PostDecision;

/** Where the latest decision of a post is found. */
@FunctionalInterface
public interface DecisionLookup {

  /**
   * The latest decision of a post; empty when there is none (yet).
   *
   * @throws ViewUnavailableException while it cannot be looked up
   */
  Optional<PostDecision> latest(String postId) throws ViewUnavailableException;
}
