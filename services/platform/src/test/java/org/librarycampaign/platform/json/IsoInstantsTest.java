package org.librarycampaign.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-read common shape means what {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} says. */
class IsoInstantsTest {

  @Property(tries = 3000)
  void agreesWithTheFormatterOnEveryText(@ForAll("nearlyIsoTexts") String text) {
    assertThat(IsoInstants.parse(text)).isEqualTo(formatter(text));
  }

  @Property(tries = 1000)
  void readsTheCommonShapeItselfAndRight(@ForAll("commonTexts") String text) {
    assertThat(IsoInstants.common(text)).isNotNull().isEqualTo(formatter(text));
  }

  @Test
  void readsWhatTheEventsCarry() {
    assertThat(IsoInstants.common("2026-12-01T15:00:00Z"))
        .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    assertThat(IsoInstants.common("2026-12-01T15:00:00.25+01:30"))
        .isEqualTo(Instant.parse("2026-12-01T13:30:00.250Z"));
    assertThat(IsoInstants.common("2026-12-01T15:00:00.123456789-05:00"))
        .isEqualTo(Instant.parse("2026-12-01T20:00:00.123456789Z"));
  }

  @Test
  void leavesEveryOtherShapeAndRangeToTheFormatter() {
    assertThat(IsoInstants.common("2026-12-01T15:00Z")).isNull(); // no seconds: formatter reads it
    assertThat(IsoInstants.parse("2026-12-01T15:00Z"))
        .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
    assertThat(IsoInstants.common("2026-12-01t15:00:00z")).isNull();
    assertThat(IsoInstants.parse("2026-02-29T15:00:00Z")).isNull(); // 2026 is not a leap year
    assertThat(IsoInstants.parse("2026-12-01T24:00:00Z")).isNull();
    assertThat(IsoInstants.parse("2026-12-01T23:59:60Z")).isNull();
    assertThat(IsoInstants.parse("2026-12-01T15:00:00.1234567890Z")).isNull();
    assertThat(IsoInstants.parse("2026-12-01T15:00:00")).isNull();
    assertThat(IsoInstants.parse("2026-12-01T15:00:00+19:00")).isNull();
  }

  private static Instant formatter(String text) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Well-formed ones in range: the fast path's own. */
  @Provide
  Arbitrary<String> commonTexts() {
    Arbitrary<String> date =
        Arbitraries.of(2024, 2025, 2026, 2027, 2028)
            .flatMap(
                year ->
                    Arbitraries.integers()
                        .between(1, 12)
                        .flatMap(
                            month ->
                                Arbitraries.integers()
                                    .between(1, java.time.YearMonth.of(year, month).lengthOfMonth())
                                    .map(
                                        day -> String.format("%04d-%02d-%02d", year, month, day))));
    Arbitrary<String> time =
        Combinators.combine(
                Arbitraries.integers().between(0, 23),
                Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59))
            .as((h, m, s) -> String.format("T%02d:%02d:%02d", h, m, s));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f));
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.just("Z"),
            Combinators.combine(
                    Arbitraries.of("+", "-"),
                    Arbitraries.integers().between(0, 17),
                    Arbitraries.integers().between(0, 59))
                .as((sign, h, m) -> String.format("%s%02d:%02d", sign, h, m)));
    return Combinators.combine(date, time, fraction, offset).as((d, t, f, o) -> d + t + f + o);
  }

  /**
   * Texts near the shape: every field of two digits from 00 to 99 (so out of range too), a year of
   * 0 to 6 digits, separators sometimes wrong, 0 to 11 digits of fraction, offsets of every form
   * the formatter knows and some it does not.
   */
  @Provide
  Arbitrary<String> nearlyIsoTexts() {
    Arbitrary<String> two =
        Arbitraries.integers().between(0, 99).map(n -> String.format("%02d", n));
    Arbitrary<String> year =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 9999).map(n -> String.format("%04d", n)),
            Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(6),
            Arbitraries.strings().numeric().ofLength(5).map(y -> "+" + y));
    Arbitrary<String> dateSeparator = Arbitraries.of("-", "-", "-", "-", "/", "");
    Arbitrary<String> t = Arbitraries.of("T", "T", "T", "T", "t", " ");
    Arbitrary<String> colon = Arbitraries.of(":", ":", ":", ":", ".", "");
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.just("."),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(11).map(f -> "." + f),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3).map(f -> "," + f));
    Arbitrary<String> offset =
        Arbitraries.oneOf(
            Arbitraries.of("Z", "Z", "z", "", "+00:00", "-00:00", "+0100", "+01", "UTC", "Zx"),
            Combinators.combine(Arbitraries.of("+", "-"), two, two)
                .as((sign, h, m) -> sign + h + ":" + m),
            Combinators.combine(Arbitraries.of("+", "-"), two, two, two)
                .as((sign, h, m, s) -> sign + h + ":" + m + ":" + s));
    Arbitrary<String> seconds = Arbitraries.oneOf(two.map(s -> ":" + s), Arbitraries.just(""));
    Arbitrary<String> date =
        Combinators.combine(year, dateSeparator, two, dateSeparator, two)
            .as((y, s1, m, s2, d) -> y + s1 + m + s2 + d);
    Arbitrary<String> time =
        Combinators.combine(t, two, colon, two, seconds).as((tt, h, c, m, s) -> tt + h + c + m + s);
    return Combinators.combine(date, time, fraction, offset).as((d, tm, f, o) -> d + tm + f + o);
  }
}
