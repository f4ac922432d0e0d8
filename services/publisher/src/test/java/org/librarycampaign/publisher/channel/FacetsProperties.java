package org.librarycampaign.publisher.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Facets cover exactly their token, in UTF-8 bytes, whatever characters come before them. */
class FacetsProperties {

  record Token(String text, Facets.Kind kind, String value) {}

  @Provide
  Arbitrary<List<Token>> texts() {
    Arbitrary<Token> word =
        Arbitraries.of("Café", "story", "📚", "ünïcödé", "time,", "and", "日本語", "–")
            .map(w -> new Token(w, null, null));
    Arbitrary<Token> link =
        Arbitraries.of("https://library.example.org/events", "http://a.example/x?y=1")
            .map(u -> new Token(u, Facets.Kind.LINK, u));
    Arbitrary<Token> mention =
        Arbitraries.of("mayor.example.gov", "eastside.bsky.social")
            .map(h -> new Token("@" + h, Facets.Kind.MENTION, h));
    Arbitrary<Token> tag =
        Arbitraries.of("EastsideReads", "Bibliothèque", "読書", "Budget2027")
            .map(t -> new Token("#" + t, Facets.Kind.TAG, t));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(5, word),
            net.jqwik.api.Tuple.of(1, link),
            net.jqwik.api.Tuple.of(1, mention),
            net.jqwik.api.Tuple.of(1, tag))
        .list()
        .ofMaxSize(12);
  }

  @Property
  void everyFacetCoversItsTokenInUtf8Bytes(@ForAll("texts") List<Token> tokens) {
    StringBuilder text = new StringBuilder();
    List<Token> expected = new ArrayList<>();
    for (Token token : tokens) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(token.text());
      if (token.kind() != null) {
        expected.add(token);
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    List<Facets.Facet> facets = Facets.of(text.toString());
    assertThat(facets).hasSameSizeAs(expected);
    for (int i = 0; i < facets.size(); i++) {
      Facets.Facet facet = facets.get(i);
      String covered =
          new String(
              bytes,
              facet.byteStart(),
              facet.byteEnd() - facet.byteStart(),
              StandardCharsets.UTF_8);
      assertThat(covered).isEqualTo(expected.get(i).text());
      assertThat(facet.kind()).isEqualTo(expected.get(i).kind());
      assertThat(facet.value()).isEqualTo(expected.get(i).value());
    }
  }

  @Test
  void trailingPunctuationIsNotPartOfALinkAndNumbersAreNotTags() {
    List<Facets.Facet> facets = Facets.of("See https://a.example/x. Room #12, #Room12 (x@y.org)");
    assertThat(facets)
        .containsExactly(
            new Facets.Facet(4, 23, Facets.Kind.LINK, "https://a.example/x"),
            new Facets.Facet(35, 42, Facets.Kind.TAG, "Room12"));
  }
}
