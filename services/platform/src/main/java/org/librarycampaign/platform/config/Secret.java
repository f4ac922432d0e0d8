package org.librarycampaign.platform.config;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A password, token or signing key from the config: never printed, logged or compared by text. */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  public byte[] bytes() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "******";
  }
}
