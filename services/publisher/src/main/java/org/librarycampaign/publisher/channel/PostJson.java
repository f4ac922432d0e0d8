package org.librarycampaign.publisher.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.librarycampaign.publisher.rules.PostState;

/** The JSON form of a post revision, as the webhook body and the outbox entries carry it. */
final class PostJson {

  private PostJson() {}

  static ObjectNode of(PostState post) {
    ObjectNode node = Http.MAPPER.createObjectNode();
    node.put("text", PostText.compose(post));
    node.put("idempotencyKey", post.idempotencyKey());
    node.put("postId", post.postId());
    node.put("revision", post.revision());
    node.put("branchId", post.branchId());
    node.put("platform", post.platform());
    node.put("channelId", post.channelId());
    node.put("category", post.category());
    if (post.campaignId() != null) {
      node.put("campaignId", post.campaignId());
    }
    node.put("scheduledAt", post.scheduledAt().toString());
    node.put("draftText", post.text());
    post.links().forEach(node.putArray("links")::add);
    post.mentions().forEach(node.putArray("mentions")::add);
    post.hashtags().forEach(node.putArray("hashtags")::add);
    ArrayNode media = node.putArray("media");
    for (PostState.Visual visual : post.media()) {
      ObjectNode item = media.addObject();
      item.put("kind", visual.kind());
      item.put("url", visual.url());
      if (visual.altText() != null) {
        item.put("altText", visual.altText());
      }
    }
    return node;
  }
}
