package org.librarycampaign.publisher.channel;

import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * Publishes one revision of a post to one remote. Called away from the stream thread, with bounded
 * timeouts; it sends {@link PostState#idempotencyKey()} on the wire (or derives its remote key from
 * it) so that a repeat after a crash is dropped by the remote. Never throws.
 */
public interface Publisher {

  PublisherKind kind();

  PublishOutcome publish(PostState post);
}
