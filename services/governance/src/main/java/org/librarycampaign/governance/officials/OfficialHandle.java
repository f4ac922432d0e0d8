package org.librarycampaign.governance.officials;

import java.util.Objects;

/**
 * One official of a branch's directory as a post on one platform can tag them.
 *
 * @param name the official's name
 * @param office the office they hold, e.g. County Executive
 * @param handle their account on the post's platform, as the directory writes it (e.g.
 *     {@code @CountyExec})
 */
public record OfficialHandle(String name, String office, String handle) {

  public OfficialHandle {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(handle, "handle");
  }

  /** The handle as a post writes it: with its leading {@code @}. */
  public String tag() {
    return handle.startsWith("@") ? handle : "@" + handle;
  }

  /** The handle as mentions are compared: see {@link Mentions#normalize}. */
  public String normalizedHandle() {
    return Mentions.normalize(handle);
  }
}
