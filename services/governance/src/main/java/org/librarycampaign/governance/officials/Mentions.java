package org.librarycampaign.governance.officials;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.librarycampaign.governance.decision.Draft;

/**
 * The accounts a post mentions, and whether one of them is an official of the directory. Handles
 * are compared without their leading {@code @}, without trailing dots (the end of a sentence), in
 * lower case: {@code @CountyExec}, {@code countyexec} and {@code @COUNTYEXEC.} are one account. A
 * handle with a domain ({@code @exec@county.social} on Mastodon, {@code @exec.bsky.social} on
 * Bluesky) is compared whole, so {@code @exec} on another server is someone else.
 */
public final class Mentions {

  /**
   * An {@code @handle} in a text, not inside a word or an e-mail address ({@code me@x.org}), with
   * an optional {@code @domain} (Mastodon).
   */
  private static final Pattern MENTION_IN_TEXT =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.@])@([\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]*(?:@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]*)?)");

  private Mentions() {}

  /** Every account the draft mentions, in its {@code mentions} field or as {@code @handle} text. */
  public static Set<String> in(Draft draft) {
    Set<String> mentioned = new LinkedHashSet<>();
    for (String mention : draft.mentions()) {
      String normalized = normalize(mention);
      if (!normalized.isEmpty()) {
        mentioned.add(normalized);
      }
    }
    Matcher matcher = MENTION_IN_TEXT.matcher(draft.text());
    while (matcher.find()) {
      String normalized = normalize(matcher.group(1));
      if (!normalized.isEmpty()) {
        mentioned.add(normalized);
      }
    }
    return mentioned;
  }

  /** Whether the draft mentions any of these officials. */
  public static boolean tagsAny(Draft draft, List<OfficialHandle> officials) {
    Set<String> mentioned = in(draft);
    return officials.stream().map(OfficialHandle::normalizedHandle).anyMatch(mentioned::contains);
  }

  /** A handle as mentions are compared: trimmed, without leading @ or trailing dots, lower case. */
  public static String normalize(String handle) {
    String trimmed = handle.strip();
    int start = trimmed.startsWith("@") ? 1 : 0;
    int end = trimmed.length();
    while (end > start && (trimmed.charAt(end - 1) == '.' || trimmed.charAt(end - 1) == '-')) {
      end--;
    }
    return trimmed.substring(start, end).toLowerCase(Locale.ROOT);
  }
}
