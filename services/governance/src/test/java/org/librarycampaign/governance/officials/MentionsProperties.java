package org.librarycampaign.governance.officials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import library.campaign.events.Platform;
import library.campaign.events.PostCategory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.librarycampaign.governance.decision.Draft;

/**
 * Handle matching: an official's handle is found however its case is written, in the mentions field
 * or the text, with or without its @, at the end of a sentence; a handle that is only a prefix or
 * an extension of the official's, or one inside an e-mail address, is someone else.
 */
class MentionsProperties {

  private static Draft draft(String text, List<String> mentions) {
    return new Draft(
        "p1",
        1,
        "eastside",
        Platform.X,
        PostCategory.CAMPAIGN,
        "budget",
        text,
        List.of(),
        mentions,
        List.of(),
        0,
        Instant.parse("2026-12-01T15:00:00Z"),
        Instant.parse("2026-11-27T10:00:00Z"));
  }

  private static List<OfficialHandle> directory(String handle) {
    return List.of(new OfficialHandle("Dana Reyes", "County Executive", "@" + handle));
  }

  @Provide
  Arbitrary<String> handles() {
    Arbitrary<String> name =
        Arbitraries.strings()
            .withChars("abcxyzABCXYZ019_")
            .ofMinLength(1)
            .ofMaxLength(15)
            .filter(s -> !s.startsWith("_") || s.length() > 1);
    Arbitrary<String> domain = Arbitraries.of("", "@county.social", ".bsky.social");
    return Combinators.combine(name, domain).as((n, d) -> n + d);
  }

  @Provide
  Arbitrary<String> cases() {
    return Arbitraries.of("as is", "lower", "upper");
  }

  private static String recase(String handle, String how) {
    return switch (how) {
      case "lower" -> handle.toLowerCase(Locale.ROOT);
      case "upper" -> handle.toUpperCase(Locale.ROOT);
      default -> handle;
    };
  }

  @Property
  void anOfficialIsFoundInTheTextInAnyCase(
      @ForAll("handles") String handle,
      @ForAll("cases") String how,
      @ForAll("sentenceEnds") String end) {
    String text = "Tell @" + recase(handle, how) + end + " fund our library";

    assertThat(Mentions.tagsAny(draft(text, List.of()), directory(handle))).as(text).isTrue();
  }

  @Property
  void anOfficialIsFoundInTheMentionsFieldWithOrWithoutTheAt(
      @ForAll("handles") String handle, @ForAll("cases") String how, @ForAll boolean at) {
    String mention = (at ? "@" : "") + recase(handle, how);

    assertThat(
            Mentions.tagsAny(draft("Fund our library", List.of(" " + mention)), directory(handle)))
        .as(mention)
        .isTrue();
  }

  @Property
  void anotherAccountIsNotTheOfficial(
      @ForAll("handles") String handle,
      @ForAll("handles") String other,
      @ForAll("cases") String how) {
    String normalizedHandle = Mentions.normalize(handle);
    String normalizedOther = Mentions.normalize(other);
    String text = "Tell @" + recase(other, how) + ": fund our library";

    boolean tagged = Mentions.tagsAny(draft(text, List.of(other)), directory(handle));

    assertThat(tagged)
        .as("%s vs %s", handle, other)
        .isEqualTo(normalizedHandle.equals(normalizedOther));
  }

  @Property
  void aPrefixAnExtensionOrAnEmailAddressIsNotTheOfficial(@ForAll("handles") String handle) {
    String local = handle.contains("@") ? handle.substring(0, handle.indexOf('@')) : handle;
    List<String> texts =
        List.of(
            "Tell @" + handle + "x now",
            "Tell @x" + handle + " now",
            "Write to me" + "@" + handle + " now",
            "Tell " + handle + " now");

    for (String text : texts) {
      assertThat(Mentions.tagsAny(draft(text, List.of()), directory(handle))).as(text).isFalse();
    }
    if (!local.equals(handle)) {
      // a Mastodon handle without its server is someone on another server
      assertThat(Mentions.tagsAny(draft("Tell @" + local + " now", List.of()), directory(handle)))
          .isFalse();
    }
  }

  @Provide
  Arbitrary<String> sentenceEnds() {
    return Arbitraries.of("", ".", "!", ",", ":", "'s", "...");
  }
}
