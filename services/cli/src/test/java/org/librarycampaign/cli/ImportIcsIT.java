package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.librarycampaign.testsupport.SharedStack;
import picocli.CommandLine;

/**
 * {@code campaign import-ics} against the real broker and registry: the first import sends every
 * event, the same file again sends nothing, and a changed file sends the change and the
 * cancellation of the event it lost (remembered from the topic, not from a local file).
 */
class ImportIcsIT {

  private static final DateTimeFormatter ICS_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = CampaignCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exit = commandLine.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static String event(String uid, String title, Instant start) {
    return String.join(
        "\r\n",
        "BEGIN:VEVENT",
        "UID:" + uid,
        "DTSTAMP:20261001T000000Z",
        "DTSTART:" + ICS_TIME.format(start),
        "DTEND:" + ICS_TIME.format(start.plus(Duration.ofHours(2))),
        "SUMMARY:" + title,
        "END:VEVENT");
  }

  private static String calendar(String... events) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//cli//EN\r\n"
        + String.join("\r\n", events)
        + "\r\nEND:VCALENDAR\r\n";
  }

  @Test
  void importsChangesAndCancellationsAndNothingTwice() throws Exception {
    SharedStack stack = SharedStack.get();
    String prefix = SharedStack.uniqueName("import-ics") + ".";
    String[] cluster = {
      "--bootstrap",
      stack.bootstrapServers(),
      "--registry",
      stack.registryUrl(),
      "--topic-prefix",
      prefix
    };
    assertThat(run(concat(new String[] {"topics"}, cluster)).exitCode()).isZero();
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
    Path feed = dir.resolve("city.ics");
    Files.writeString(
        feed,
        calendar(
            event("fair@city", "Book fair", day.plus(Duration.ofHours(15))),
            event("parade@city", "Parade", day.plus(Duration.ofHours(40)))));
    String[] importArgs =
        concat(
            new String[] {"import-ics", feed.toString(), "--branch", "eastside", "--feed", "city"},
            cluster);

    Result first = run(importArgs);
    Result again = run(importArgs);
    Files.writeString(
        feed, calendar(event("fair@city", "Book fair (moved)", day.plus(Duration.ofHours(16)))));
    Result changed = run(importArgs);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains(
            "city: 2 events in the next 90 days; sent 2 milestones (2 new, 0 changed, 0 cancelled)");
    assertThat(again.out()).contains("sent 0 milestones (0 new, 0 changed, 0 cancelled)");
    assertThat(changed.exitCode()).as(changed.err()).isZero();
    assertThat(changed.out())
        .contains(
            "city: 1 event in the next 90 days; sent 2 milestones (0 new, 1 changed, 1 cancelled)");
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
