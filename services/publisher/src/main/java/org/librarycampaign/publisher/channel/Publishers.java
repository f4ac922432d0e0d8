package org.librarycampaign.publisher.channel;

import java.util.Map;
import java.util.TreeMap;
import library.campaign.events.PublisherKind;
import org.librarycampaign.publisher.rules.PostState;

/**
 * The publisher of every channel ({@code branchId/platform}): the configured one, else the local
 * outbox.
 */
public final class Publishers {

  private final Map<String, Publisher> byChannel;
  private final Publisher fallback;

  public Publishers(Map<String, Publisher> byChannel, Publisher fallback) {
    this.byChannel = new TreeMap<>(byChannel);
    this.fallback = fallback;
  }

  public Publisher of(String channelId) {
    return byChannel.getOrDefault(channelId, fallback);
  }

  public PublisherKind kindOf(String channelId) {
    return of(channelId).kind();
  }

  public PublishOutcome publish(PostState post) {
    return of(post.channelId()).publish(post);
  }

  /**
   * The same routing, where nothing is sent: every post comes back PUBLISHED with a reason saying
   * so ({@code campaign plan}).
   */
  public Publishers dryRun() {
    Map<String, Publisher> dry = new TreeMap<>();
    byChannel.forEach((channel, publisher) -> dry.put(channel, dry(publisher.kind())));
    return new Publishers(dry, dry(fallback.kind()));
  }

  private static Publisher dry(PublisherKind kind) {
    return new Publisher() {
      @Override
      public PublisherKind kind() {
        return kind;
      }

      @Override
      public PublishOutcome publish(PostState post) {
        return new PublishOutcome.Published(
            null, null, "plan: would be published through " + kind + " (nothing sent)");
      }
    };
  }
}
