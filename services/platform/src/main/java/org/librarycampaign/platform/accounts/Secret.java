package org.librarycampaign.platform.accounts;

import java.util.Objects;

/** A password or token from the config: never printed or logged ({@code toString} masks it). */
public final class Secret {

  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "******";
  }
}
