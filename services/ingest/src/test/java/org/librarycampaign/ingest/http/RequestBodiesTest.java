package org.librarycampaign.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
    assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
    assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(new byte[0]), 10)).isEmpty();
    assertThat(RequestBodies.readAtMost(new ByteArrayInputStream(new byte[11]), 10)).isNull();
  }
}
