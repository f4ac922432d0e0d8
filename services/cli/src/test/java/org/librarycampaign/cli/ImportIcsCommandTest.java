package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code campaign import-ics} refuses before it connects to anything (exit 2). */
class ImportIcsCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine campaign = CampaignCommand.commandLine();
    campaign.setOut(new PrintWriter(out, true));
    campaign.setErr(new PrintWriter(err, true));
    return campaign.execute(args);
  }

  @Test
  void aFeedThatIsNotICalendarExitsTwoNamingTheLine() throws Exception {
    Path feed = dir.resolve("city.ics");
    Files.writeString(
        feed,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\n"
            + "DTSTART:7 November\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

    int exit =
        execute(
            "import-ics", feed.toString(), "--branch", "riverside", "--bootstrap", "localhost:1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains(feed + ": line 6:").contains("nothing was sent");
  }

  @Test
  void anEventWithoutUidExitsTwoNamingTheEvent() throws Exception {
    Path feed = dir.resolve("city.ics");
    Files.writeString(
        feed,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n"
            + "DTSTAMP:20261001T000000Z\r\nDTSTART:20991107T150000Z\r\nSUMMARY:Nameless\r\n"
            + "END:VEVENT\r\nEND:VCALENDAR\r\n");

    int exit = execute("import-ics", feed.toString(), "--branch", "riverside");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("event 1 'Nameless': has no UID");
  }

  @Test
  void badOptionsExitTwo() {
    assertThat(execute("import-ics", "x.ics", "--branch", "riverside", "--stance", "SOMETIMES"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--stance must be AVOID or AMPLIFY");
    assertThat(execute("import-ics", "x.ics", "--branch", "river side")).isEqualTo(2);
    assertThat(execute("import-ics", "x.ics", "--branch", "riverside", "--zone", "Mars/Base"))
        .isEqualTo(2);
  }

  @Test
  void theFeedNameComesFromTheFileOrAddress() {
    assertThat(ImportIcsCommand.defaultFeedName("/data/city events.ics")).isEqualTo("city-events");
    assertThat(ImportIcsCommand.defaultFeedName("https://schools.example/cal/district.ics?x=1"))
        .isEqualTo("district");
    assertThat(ImportIcsCommand.defaultFeedName("https://schools.example/")).isEqualTo("feed");
  }

  @Test
  void calendarLinkPrintsTheSignedLinkOfABranch() {
    int exit = execute("calendar-link", "--branch", "riverside");

    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .startsWith("http://localhost:8080/calendar/dev.")
        .endsWith(".ics");
    assertThat(err.toString()).contains("development key");
  }
}
