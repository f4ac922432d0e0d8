package org.librarycampaign.governance.rules;

import java.util.List;
import library.campaign.events.MediaKind;
import library.campaign.events.WarningCode;
import org.librarycampaign.channelrules.PlatformDefaults;
import org.librarycampaign.governance.decision.Draft;
import org.librarycampaign.governance.decision.Warning;

/**
 * CONSIDER_VIDEO (a tip): a campaign post with images (or GIFs) and no video, on a platform where
 * video is native ({@link PlatformDefaults#videoNative}): graphics get more engagement, and videos
 * can be even more powerful.
 */
public final class ConsiderVideo implements PostRule {

  @Override
  public List<Finding> check(PostContext post) {
    Draft draft = post.draft();
    if (draft.isCampaign()
        && PlatformDefaults.videoNative(draft.platform())
        && draft.hasMedia(MediaKind.IMAGE, MediaKind.GIF)
        && !draft.hasMedia(MediaKind.VIDEO)) {
      return List.of(Finding.advice(Warning.of(WarningCode.CONSIDER_VIDEO, message(draft))));
    }
    return List.of();
  }

  static String message(Draft draft) {
    return "Tip: consider a short video: "
        + PlatformDefaults.displayName(draft.platform())
        + " plays video in the feed, and videos can move people even more than images";
  }
}
