package org.librarycampaign.calendars.ics;

/**
 * A feed that cannot be read as iCalendar, or an event in it that cannot become a milestone; the
 * message names the line or the event, for the person who runs the import.
 */
public final class IcsException extends Exception {

  public IcsException(String message) {
    super(message);
  }

  public IcsException(String message, Throwable cause) {
    super(message, cause);
  }
}
