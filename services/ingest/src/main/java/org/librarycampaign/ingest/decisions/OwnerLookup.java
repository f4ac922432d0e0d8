package org.librarycampaign.ingest.decisions;

import java.util.Optional;
import org.librarycampaign.platform.topics.CampaignTopic;

/**
 * The branch a post id or an incident id belongs to: the branch of its first event, as the
 * processors' outputs show it (a post's decision, an incident's status).
 */
@FunctionalInterface
public interface OwnerLookup {

  /**
   * The owning branch of {@code id} on {@code topic} ({@code POSTS} or {@code INCIDENTS}); empty
   * when the id is not seen yet, or on another topic.
   *
   * @throws ViewUnavailableException while it cannot be looked up
   */
  Optional<String> ownerOf(CampaignTopic topic, String id) throws ViewUnavailableException;
}
