package org.librarycampaign.governance.checks;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a call to action in a post's text. A text has one when
 *
 * <ul>
 *   <li>a clause (the text's start, or after {@code . ! ? : ;}, a dash or a line break) opens with
 *       an action verb, after an optional "please" and any leading {@code @mentions}, {@code #tags}
 *       or emoji: "Tell the board: fund our library!", "Please sign the petition";
 *   <li>or it holds an action phrase anywhere: "join us", "learn more", "link in bio".
 * </ul>
 *
 * <p>A heuristic: it only warns, and the lists are configurable ({@code
 * campaign.governance.call-to-action.verbs}, {@code ...phrases}).
 */
public final class CallToAction {

  public static final List<String> DEFAULT_VERBS =
      List.of(
          "act",
          "ask",
          "attend",
          "back",
          "bring",
          "call",
          "come",
          "contact",
          "defend",
          "demand",
          "donate",
          "email",
          "find",
          "follow",
          "fund",
          "get",
          "give",
          "help",
          "join",
          "keep",
          "learn",
          "pledge",
          "protect",
          "read",
          "register",
          "remind",
          "reply",
          "rsvp",
          "save",
          "share",
          "show",
          "sign",
          "speak",
          "spread",
          "stand",
          "support",
          "take",
          "tell",
          "testify",
          "urge",
          "visit",
          "vote",
          "watch",
          "write");

  public static final List<String> DEFAULT_PHRASES =
      List.of(
          "act now",
          "call your",
          "click the link",
          "contact your",
          "email your",
          "find out more",
          "join us",
          "learn more",
          "let your",
          "link in bio",
          "make your voice heard",
          "read more",
          "show up",
          "sign the petition",
          "sign up",
          "speak up",
          "take action",
          "tell your",
          "vote no",
          "vote yes",
          "write to your");

  private static final Pattern CLAUSE_BREAK =
      Pattern.compile("[.!?:;\\n\\r\\u2014\\u2013•]+|\\s-\\s");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Set<String> verbs;

  /** Every phrase in one alternation, as whole words: one pass over the text. */
  private final Pattern phrases;

  public CallToAction(Collection<String> verbs, Collection<String> phrases) {
    this.verbs =
        verbs.stream().map(CallToAction::normalize).collect(Collectors.toUnmodifiableSet());
    String alternatives =
        phrases.stream()
            .map(CallToAction::normalize)
            .filter(p -> !p.isEmpty())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    this.phrases =
        alternatives.isEmpty()
            ? null
            : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
  }

  public static CallToAction defaults() {
    return new CallToAction(DEFAULT_VERBS, DEFAULT_PHRASES);
  }

  public boolean isIn(String text) {
    String normalized = normalize(text);
    if (phrases != null && phrases.matcher(normalized).find()) {
      return true;
    }
    for (String clause : CLAUSE_BREAK.split(normalized)) {
      String first = firstWord(clause, false);
      if (first != null && verbs.contains(first)) {
        return true;
      }
    }
    return false;
  }

  /** The clause's first word, past mentions, tags, emoji and an opening "please". */
  private static String firstWord(String clause, boolean afterPlease) {
    for (String token : SPACES.split(clause.strip())) {
      if (token.isEmpty() || token.startsWith("@") || token.startsWith("#")) {
        continue;
      }
      int start = 0;
      while (start < token.length() && !Character.isLetter(token.codePointAt(start))) {
        start += Character.charCount(token.codePointAt(start));
      }
      if (start == token.length()) {
        continue;
      }
      int end = start;
      while (end < token.length() && Character.isLetter(token.codePointAt(end))) {
        end += Character.charCount(token.codePointAt(end));
      }
      String word = token.substring(start, end);
      if (word.equals("please") && !afterPlease) {
        int rest = clause.indexOf(token) + token.length();
        return firstWord(clause.substring(rest), true);
      }
      return word;
    }
    return null;
  }

  private static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'')
        .strip();
  }
}
