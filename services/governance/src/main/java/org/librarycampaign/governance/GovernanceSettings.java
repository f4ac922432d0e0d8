package org.librarycampaign.governance;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.librarycampaign.governance.checks.CallToAction;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.state.Retention;
import org.librarycampaign.platform.topics.ServiceTopic;

/**
 * Governance's own configuration ({@code campaign.governance.*} keys; see the module README).
 *
 * @param callToActionVerbs verbs that open a call to action ("sign", "vote", ...)
 * @param callToActionPhrases phrases that are one anywhere in a text ("learn more", ...)
 * @param hashtagViewTopic the compacted topic of first hashtag uses, read as a global store
 * @param retention how long posts and weeks are kept after their week ({@link GovernanceRetention})
 * @param expiryCheckInterval how often (wall clock) stale holds are looked for; every event looks
 *     too
 */
public record GovernanceSettings(
    List<String> callToActionVerbs,
    List<String> callToActionPhrases,
    String hashtagViewTopic,
    Retention retention,
    Duration expiryCheckInterval) {

  public static final String CALL_TO_ACTION_VERBS = "campaign.governance.call-to-action.verbs";
  public static final String CALL_TO_ACTION_PHRASES = "campaign.governance.call-to-action.phrases";
  public static final String EXPIRY_CHECK_INTERVAL = "campaign.governance.expiry-check-interval";
  public static final Duration DEFAULT_EXPIRY_CHECK_INTERVAL = Duration.ofSeconds(1);

  public GovernanceSettings {
    callToActionVerbs = List.copyOf(callToActionVerbs);
    callToActionPhrases = List.copyOf(callToActionPhrases);
    Objects.requireNonNull(retention, "retention");
    if (expiryCheckInterval.isNegative() || expiryCheckInterval.isZero()) {
      throw new IllegalArgumentException(
          EXPIRY_CHECK_INTERVAL + " must be positive, got " + expiryCheckInterval);
    }
  }

  /** With the default check of stale holds. */
  public GovernanceSettings(
      List<String> callToActionVerbs,
      List<String> callToActionPhrases,
      String hashtagViewTopic,
      Retention retention) {
    this(
        callToActionVerbs,
        callToActionPhrases,
        hashtagViewTopic,
        retention,
        DEFAULT_EXPIRY_CHECK_INTERVAL);
  }

  /** With the default retention. */
  public GovernanceSettings(
      List<String> callToActionVerbs, List<String> callToActionPhrases, String hashtagViewTopic) {
    this(callToActionVerbs, callToActionPhrases, hashtagViewTopic, Retention.DEFAULT);
  }

  public static GovernanceSettings from(CampaignConfig config) {
    return new GovernanceSettings(
        config.list(CALL_TO_ACTION_VERBS, CallToAction.DEFAULT_VERBS),
        config.list(CALL_TO_ACTION_PHRASES, CallToAction.DEFAULT_PHRASES),
        ServiceTopic.GOVERNANCE_HASHTAG_FIRST_USE.name(config.applicationId("")),
        Retention.from(config),
        config.duration(EXPIRY_CHECK_INTERVAL, DEFAULT_EXPIRY_CHECK_INTERVAL));
  }

  public CallToAction callToAction() {
    return new CallToAction(callToActionVerbs, callToActionPhrases);
  }
}
