package org.librarycampaign.publisher.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.librarycampaign.publisher.rules.PostState;

/**
 * The text that goes out: the post's text, then, on a new paragraph, its links, mentions and
 * hashtags that the text does not already contain (a mention as {@code @handle}, a hashtag as
 * {@code #tag}), separated by single spaces. Every publisher sends this same text.
 */
public final class PostText {

  private PostText() {}

  public static String compose(PostState post) {
    String text = post.text() == null ? "" : post.text().strip();
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> extra = new ArrayList<>();
    for (String link : post.links()) {
      addIfAbsent(extra, lower, link.strip());
    }
    for (String mention : post.mentions()) {
      String m = mention.strip();
      addIfAbsent(extra, lower, m.startsWith("@") ? m : "@" + m);
    }
    for (String hashtag : post.hashtags()) {
      String h = hashtag.strip();
      addIfAbsent(extra, lower, h.startsWith("#") ? h : "#" + h);
    }
    if (extra.isEmpty()) {
      return text;
    }
    return text.isEmpty() ? String.join(" ", extra) : text + "\n\n" + String.join(" ", extra);
  }

  private static void addIfAbsent(List<String> extra, String lowerText, String item) {
    if (item.length() <= 1) {
      return;
    }
    String lowerItem = item.toLowerCase(Locale.ROOT);
    if (lowerText.contains(lowerItem)
        || extra.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).equals(lowerItem))) {
      return;
    }
    extra.add(item);
  }
}
