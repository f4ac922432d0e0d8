package org.librarycampaign.platform.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class KeyBytesTest {

  @Property
  void numbersSortAsTheirBytes(@ForAll long a, @ForAll long b) {
    int bytes =
        Arrays.compareUnsigned(KeyBytes.key().number(a).build(), KeyBytes.key().number(b).build());

    assertThat(Integer.signum(bytes)).isEqualTo(Integer.signum(Long.compare(a, b)));
  }

  @Property
  void oneTextNeverPrefixesTheKeysOfAnother(
      @ForAll String a, @ForAll String b, @ForAll long time, @ForAll String tail) {
    byte[] prefix = KeyBytes.key().text(a).build();
    byte[] key = KeyBytes.key().text(b).millis(time).tail(tail).build();
    boolean inPrefixRange =
        Arrays.compareUnsigned(key, prefix) >= 0
            && Arrays.compareUnsigned(key, KeyBytes.prefixEnd(prefix)) < 0;

    assertThat(inPrefixRange).isEqualTo(utf8RoundTrip(a).equals(utf8RoundTrip(b)));
  }

  @Property
  void partsReadBackAsWritten(
      @ForAll String text, @ForAll long number, @ForAll long millis, @ForAll String tail) {
    KeyBytes.Reader reader =
        new KeyBytes.Reader(
            KeyBytes.key().text(text).number(number).millis(millis).tail(tail).build());

    assertThat(reader.text())
        .isEqualTo(
            new String(
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reader.number()).isEqualTo(number);
    assertThat(reader.millis()).isEqualTo(millis);
    assertThat(reader.tail())
        .isEqualTo(
            new String(
                tail.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What survives UTF-8 (a lone surrogate does not, and no id has one). */
  private static String utf8RoundTrip(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  @Example
  void theEndOfAPrefixCarriesOverFullBytes() {
    assertThat(KeyBytes.prefixEnd(new byte[] {1, (byte) 0xFF})).containsExactly(2);
    assertThat(KeyBytes.prefixEnd(new byte[] {(byte) 0xFF, (byte) 0xFF})).isNull();
  }
}
