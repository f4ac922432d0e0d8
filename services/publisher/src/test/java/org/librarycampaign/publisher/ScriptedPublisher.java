package org.librarycampaign.publisher;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.channel.PublishOutcome;
import org.librarycampaign.publisher.channel.Publisher;
import org.librarycampaign.publisher.rules.PostState;

/**
 * A remote whose answers are scripted: each call takes the next scripted outcome, or is published
 * with remote id {@code remote-<idempotency key>} when none is left; every call is recorded.
 */
final class ScriptedPublisher implements Publisher {

  private final PublisherKind kind;
  private final Deque<PublishOutcome> script = new ArrayDeque<>();
  final List<String> calls = new ArrayList<>();

  ScriptedPublisher(PublisherKind kind) {
    this.kind = kind;
  }

  ScriptedPublisher then(PublishOutcome outcome) {
    script.add(outcome);
    return this;
  }

  @Override
  public PublisherKind kind() {
    return kind;
  }

  @Override
  public synchronized PublishOutcome publish(PostState post) {
    calls.add(post.idempotencyKey());
    PublishOutcome next = script.poll();
    if (next != null) {
      return next;
    }
    return new PublishOutcome.Published(
        "remote-" + post.idempotencyKey(), "https://social.example/" + post.idempotencyKey(), null);
  }
}
