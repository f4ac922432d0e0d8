package org.librarycampaign.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import library.campaign.events.Official;
import library.campaign.events.Officials;
import library.campaign.events.Platform;
import org.librarycampaign.governance.officials.OfficialHandle;

/** A directory of officials, as the rules read it: who can be tagged on one platform. */
final class OfficialsMapping {

  private OfficialsMapping() {}

  /**
   * The officials with a handle on the platform, in the directory's order. A blank name or handle
   * is skipped rather than trusted: the input rules refuse them, but a global store is restored
   * from the topic's bytes without them (platform streams.GlobalView).
   */
  static List<OfficialHandle> onPlatform(Officials directory, Platform platform) {
    List<OfficialHandle> onPlatform = new ArrayList<>();
    if (directory.getOfficials() == null) {
      return onPlatform;
    }
    for (Official official : directory.getOfficials()) {
      String handle = handle(official.getHandles(), platform);
      if (handle == null || official.getName() == null || official.getName().isBlank()) {
        continue;
      }
      String office = official.getOffice() == null ? "" : official.getOffice();
      onPlatform.add(new OfficialHandle(official.getName(), office, handle));
    }
    return onPlatform;
  }

  /** The map's keys may be Avro Utf8 or String, depending on how the record was read. */
  private static String handle(
      Map<? extends CharSequence, ? extends CharSequence> handles, Platform platform) {
    if (handles == null) {
      return null;
    }
    for (Map.Entry<? extends CharSequence, ? extends CharSequence> entry : handles.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().toString().equals(platform.name())
          && entry.getValue() != null
          && !entry.getValue().toString().isBlank()) {
        return entry.getValue().toString().strip();
      }
    }
    return null;
  }
}
