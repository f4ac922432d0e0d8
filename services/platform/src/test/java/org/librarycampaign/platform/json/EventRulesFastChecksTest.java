package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The scans that decide ids and plain web addresses without a regex or {@link java.net.URI} give
 * the verdicts those gave, so every message of {@link EventRules} stays the same.
 */
class EventRulesFastChecksTest {

  @Property(tries = 5000)
  void anAddressGetsTheVerdictJavaNetUriGives(@ForAll("addressLikeTexts") String text) {
    assertThat(EventRules.isWebAddress(text)).isEqualTo(EventRules.isWebAddressByUri(text));
    if (EventRules.isPlainWebAddress(text)) {
      assertThat(EventRules.isWebAddressByUri(text)).isTrue();
    }
  }

  @Property(tries = 2000)
  void anyTextGetsTheVerdictJavaNetUriGives(@ForAll String text) {
    assertThat(EventRules.isWebAddress(text)).isEqualTo(EventRules.isWebAddressByUri(text));
  }

  @Property(tries = 1000)
  void plainAddressesAreDecidedByTheScan(@ForAll("plainAddresses") String text) {
    assertThat(EventRules.isPlainWebAddress(text)).isTrue();
    assertThat(EventRules.isWebAddressByUri(text)).isTrue();
  }

  @Property(tries = 5000)
  void anIdGetsTheVerdictOfThePattern(@ForAll("idLikeTexts") String id) {
    assertThat(EventRules.isIdText(id)).isEqualTo(EventRules.matchesIdPattern(id));
  }

  @Test
  void decidesTheAddressesEventsCarry() {
    assertThat(EventRules.isPlainWebAddress("https://eastside.library.example.org/events/17"))
        .isTrue();
    assertThat(EventRules.isPlainWebAddress("HTTP://library.example.org")).isTrue();
    assertThat(
            EventRules.isPlainWebAddress(
                "https://library.example.org/a/b.jpg?size=large&v=2;x=(1)*~'!$,@:+"))
        .isTrue();
    // left to URI: a port, user info, an escape, a fragment, a letter beyond ASCII
    assertThat(EventRules.isPlainWebAddress("https://library.example.org:8443/x")).isFalse();
    assertThat(EventRules.isPlainWebAddress("https://user@library.example.org/")).isFalse();
    assertThat(EventRules.isPlainWebAddress("https://library.example.org/a%20b")).isFalse();
    assertThat(EventRules.isPlainWebAddress("https://library.example.org/#top")).isFalse();
    assertThat(EventRules.isPlainWebAddress("https://bibliothèque.example.org/")).isFalse();
    assertThat(EventRules.isWebAddress("https://library.example.org:8443/x")).isTrue();
    assertThat(EventRules.isWebAddress("https://library.example.org/#top")).isTrue();
    assertThat(EventRules.isWebAddress("https://bibliothèque.example.org/")).isTrue();
    assertThat(EventRules.isWebAddress("https://library.example.org/a b")).isFalse();
    assertThat(EventRules.isWebAddress("https:///events")).isFalse();
    assertThat(EventRules.isWebAddress("ftp://library.example.org/")).isFalse();
    // U+017F is 's' to String.regionMatches(true, ...), not to a URI's scheme
    assertThat(EventRules.isWebAddress("http\u017f://library.example.org/")).isFalse();
  }

  @Test
  void decidesIds() {
    assertThat(EventRules.isIdText("eastside")).isTrue();
    assertThat(EventRules.isIdText("post-17_a.b:c")).isTrue();
    assertThat(EventRules.isIdText("a".repeat(128))).isTrue();
    assertThat(EventRules.isIdText("a".repeat(129))).isFalse();
    assertThat(EventRules.isIdText("")).isFalse();
    assertThat(EventRules.isIdText("east side")).isFalse();
    assertThat(EventRules.isIdText("east/side")).isFalse();
    assertThat(EventRules.isIdText("\u0435astside")).isFalse(); // Cyrillic e
  }

  /** Texts near the shape of an address: schemes, hosts, ports and rests with odd characters. */
  @Provide
  Arbitrary<String> addressLikeTexts() {
    Arbitrary<String> scheme =
        Arbitraries.of(
            "http://",
            "https://",
            "HTTPS://",
            "hTtP://",
            "http:/",
            "http:",
            "https//",
            "ftp://",
            "http\u017f://",
            "https\u212a://",
            "",
            "//",
            "mailto:");
    Arbitrary<String> host =
        Arbitraries.strings()
            .withChars("aZ09.-_@:[]%~ \u00e9\u017f!")
            .ofMinLength(0)
            .ofMaxLength(8);
    Arbitrary<String> hostish =
        Arbitraries.oneOf(
            host,
            Arbitraries.of(
                "library.example.org",
                "1.2.3.4",
                "999.1.1.1",
                "1.2.3.4.5",
                "-a.org",
                "a-.org",
                "a..b",
                ".",
                "a.",
                "[::1]",
                "localhost",
                "1a.org",
                "a.1"));
    Arbitrary<String> port = Arbitraries.of("", "", "", ":8080", ":", ":x", ":-1");
    Arbitrary<String> rest =
        Arbitraries.strings()
            .withChars("az09/?#%-_.!~*'():@&=+$,;[]{}|\\^` \"<>\t\u00e9\u2028AZ")
            .ofMinLength(0)
            .ofMaxLength(16);
    // most rests start as a path does, so that the scan gets to judge their characters
    Arbitrary<String> start = Arbitraries.of("/", "/", "/", "/", "", "?", "#", "@", "\\");
    return Combinators.combine(scheme, hostish, port, start, rest)
        .as((s, h, p, r0, r) -> s + h + p + r0 + r)
        .edgeCases(edges -> edges.add("http://a/").add("https://a"));
  }

  /** Addresses of the plain shape: what links and media urls usually are. */
  @Provide
  Arbitrary<String> plainAddresses() {
    Arbitrary<String> label =
        Arbitraries.strings().withChars("az09").ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
    Arbitrary<String> path =
        Arbitraries.strings()
            .withChars("azAZ09-_.!~*'():@&=+$,;/?")
            .ofMinLength(0)
            .ofMaxLength(30)
            .map(p -> p.isEmpty() ? "" : "/" + p);
    return Combinators.combine(Arbitraries.of("http://", "https://", "HTTPS://"), host, path)
        .as((s, h, p) -> s + h + p);
  }

  /** Ids and near-ids: allowed characters with some that are not, up to just past the limit. */
  @Provide
  Arbitrary<String> idLikeTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09._:-").ofMinLength(1).ofMaxLength(130),
        Arbitraries.strings()
            .withChars("aZ09._:-/ *#\u00e9\u0435\u00a0\u200b\t")
            .ofMinLength(1)
            .ofMaxLength(130));
  }
}
