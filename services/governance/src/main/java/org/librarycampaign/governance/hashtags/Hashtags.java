package org.librarycampaign.governance.hashtags;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags as the platforms treat them: {@code #FundOurLibrary}, {@code #fundourlibrary} and {@code
 * ＃FundOurLibrary} are one tag.
 */
public final class Hashtags {

  /** A {@code #} not glued to a word before it, then letters, digits or underscores. */
  private static final Pattern IN_TEXT =
      Pattern.compile("(?<![\\p{L}\\p{N}_&/])[#＃]([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)");

  private Hashtags() {}

  /**
   * The form tags are compared in: Unicode NFKC, without leading {@code #}, lower case. Empty when
   * nothing is left.
   */
  public static String normalize(String hashtag) {
    String text = Normalizer.normalize(hashtag, Normalizer.Form.NFKC).strip();
    int start = 0;
    while (start < text.length() && text.charAt(start) == '#') {
      start++;
    }
    return text.substring(start).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The tags of a post, as written, each once: the {@code hashtags} field first, then any others
   * written in the text, in order.
   */
  public static List<String> inPost(List<String> field, String text) {
    Map<String, String> byNormalized = new LinkedHashMap<>();
    for (String tag : field) {
      String normalized = normalize(tag);
      if (!normalized.isEmpty()) {
        byNormalized.putIfAbsent(normalized, tag.strip().startsWith("#") ? tag.strip() : "#" + tag);
      }
    }
    // the pattern looks behind at every character: a text without a # skips it
    if (text.indexOf('#') < 0 && text.indexOf('＃') < 0) {
      return new ArrayList<>(byNormalized.values());
    }
    Matcher matcher = IN_TEXT.matcher(text);
    while (matcher.find()) {
      byNormalized.putIfAbsent(normalize(matcher.group(1)), "#" + matcher.group(1));
    }
    return new ArrayList<>(byNormalized.values());
  }
}
