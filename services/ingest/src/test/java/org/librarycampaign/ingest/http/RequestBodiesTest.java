package org.librarycampaign.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

  @Test
  void jsonIsApplicationJsonInUtf8() {
    assertThat(RequestBodies.isJson("application/json")).isTrue();
    assertThat(RequestBodies.isJson("Application/JSON; charset=UTF-8")).isTrue();
    assertThat(RequestBodies.isJson("application/json;charset=\"utf-8\"")).isTrue();
    assertThat(RequestBodies.isJson(null)).isFalse();
    assertThat(RequestBodies.isJson("")).isFalse();
    assertThat(RequestBodies.isJson("text/plain")).isFalse();
    assertThat(RequestBodies.isJson("application/x-www-form-urlencoded")).isFalse();
    assertThat(RequestBodies.isJson("application/json-patch+json")).isFalse();
    assertThat(RequestBodies.isJson("application/json; charset=iso-8859-1")).isFalse();
  }

  @Test
  void readsABodyUpToTheLimitAndNoMore() throws IOException {
    assertThat(read(new byte[10], 10)).hasSize(10);
    assertThat(read(new byte[0], 10)).isEmpty();
    assertThat(read(new byte[11], 10)).isNull();
    assertThat(read(new byte[100_000], 100_000)).hasSize(100_000);
    assertThat(read(new byte[100_001], 100_000)).isNull();
  }

  @Test
  void aBodyStillArrivingAfterTheDeadlineIsRefused() {
    AtomicLong now = new AtomicLong(0);
    InputStream slow =
        new InputStream() {
          @Override
          public int read() {
            now.addAndGet(1_000_000_000L);
            return 'x';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            buffer[offset] = (byte) read();
            return 1;
          }
        };

    assertThatThrownBy(() -> RequestBodies.readAtMost(slow, 1_000, 5_000_000_000L, now::get))
        .isInstanceOf(RequestBodies.BodyTooSlowException.class);
    assertThat(now.get()).isLessThanOrEqualTo(6_000_000_000L);
  }

  private static byte[] read(byte[] body, int maxBytes) throws IOException {
    return RequestBodies.readAtMost(
        new ByteArrayInputStream(body), maxBytes, Long.MAX_VALUE, () -> 0L);
  }
}
