package org.librarycampaign.publisher.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rich-text facets of a Bluesky post ({@code app.bsky.richtext.facet}): links, mentions and
 * tags, each with its UTF-8 byte range in the text ({@code byteStart} inclusive, {@code byteEnd}
 * exclusive), as the lexicon requires; the text itself is unchanged.
 *
 * <ul>
 *   <li>a link is {@code http://} or {@code https://} up to the next white space, without trailing
 *       punctuation ({@code .,;:!?)'"});
 *   <li>a mention is {@code @handle} where the handle is a domain name (at least one dot), at the
 *       start of the text or after a character that is not a letter, digit or {@code @};
 *   <li>a tag is {@code #} and letters, digits, {@code _} (Unicode), not only digits, at most 64
 *       characters, at the start or after white space or punctuation other than {@code #&}.
 * </ul>
 */
public final class Facets {

  /** One facet: its byte range and what it is. */
  public record Facet(int byteStart, int byteEnd, Kind kind, String value) {}

  public enum Kind {
    LINK,
    MENTION,
    TAG
  }

  private static final Pattern LINK = Pattern.compile("https?://[^\\s]+");
  private static final Pattern MENTION =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}@._-])@(([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)");
  private static final Pattern TAG =
      Pattern.compile("(?<![\\p{L}\\p{N}_#&/])#([\\p{L}\\p{N}_]{1,64})(?![\\p{L}\\p{N}_])");
  private static final String TRAILING = ".,;:!?)'\"";

  private Facets() {}

  public static List<Facet> of(String text) {
    List<Facet> facets = new ArrayList<>();
    List<int[]> linkRanges = new ArrayList<>();
    Matcher link = LINK.matcher(text);
    while (link.find()) {
      int end = link.end();
      while (end > link.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
        end--;
      }
      String uri = text.substring(link.start(), end);
      if (uri.length() <= "https://".length()) {
        continue;
      }
      linkRanges.add(new int[] {link.start(), end});
      facets.add(facet(text, link.start(), end, Kind.LINK, uri));
    }
    Matcher mention = MENTION.matcher(text);
    while (mention.find()) {
      String handle = mention.group(1);
      int end = mention.end();
      if (!insideLink(linkRanges, mention.start())) {
        facets.add(facet(text, mention.start(), end, Kind.MENTION, handle));
      }
    }
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      String name = tag.group(1);
      if (name.chars().allMatch(Character::isDigit) || insideLink(linkRanges, tag.start())) {
        continue;
      }
      facets.add(facet(text, tag.start(), tag.end(), Kind.TAG, name));
    }
    facets.sort((a, b) -> Integer.compare(a.byteStart(), b.byteStart()));
    return facets;
  }

  private static boolean insideLink(List<int[]> links, int index) {
    return links.stream().anyMatch(r -> index >= r[0] && index < r[1]);
  }

  private static Facet facet(String text, int start, int end, Kind kind, String value) {
    return new Facet(utf8Length(text, 0, start), utf8Length(text, 0, end), kind, value);
  }

  /** The UTF-8 length of {@code text[from, to)} (char indices). */
  static int utf8Length(String text, int from, int to) {
    return text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
  }
}
