package org.librarycampaign.platform.topics;

/**
 * A topic one service owns and Kafka Streams does not create itself (the source of a global store):
 * it holds the service's own records, not events, so it has no schema in the registry. Its name
 * starts with the service's application id, like the topics Streams creates; its layout is in
 * {@code ops/topics.yaml} with every other topic, so that {@code campaign topics --create} lays out
 * a cluster on which services need no right to create topics.
 */
public enum ServiceTopic {
  /** Governance's first use of each hashtag, read back as its global hashtag view. */
  GOVERNANCE_HASHTAG_FIRST_USE("governance", "hashtag-first-use"),

  /**
   * What {@code campaign dead-letters replay} has sent back (compacted; key: the dead letter's
   * partition and offset), so that a second replay sends nothing again.
   */
  DEAD_LETTER_REPLAYS("dead-letter", "replays");

  private final String service;
  private final String suffix;

  ServiceTopic(String service, String suffix) {
    this.service = service;
    this.suffix = suffix;
  }

  /** Its key in the topics file: the name without the application id prefix. */
  public String fileKey() {
    return service + "-" + suffix;
  }

  /** The name under an application id prefix ({@code campaign.application.id.prefix}). */
  public String name(String applicationIdPrefix) {
    return applicationIdPrefix + fileKey();
  }

  public static ServiceTopic byFileKey(String key) {
    for (ServiceTopic topic : values()) {
      if (topic.fileKey().equals(key)) {
        return topic;
      }
    }
    throw new IllegalArgumentException("unknown topic " + key);
  }
}
