package org.librarycampaign.cli;

/** Input the command cannot take (a bad line, an unknown topic): exit code 2. */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }
}
