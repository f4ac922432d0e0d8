package org.librarycampaign.dashboard.web;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.librarycampaign.dashboard.DashboardSettings;
import org.librarycampaign.dashboard.demo.DemoCampaign;
import org.librarycampaign.dashboard.login.DevelopmentViewers;

/**
 * Takes the README's screenshots during the demo, against a running {@code campaign up}: starts the
 * demo feeder, logs in as the development viewer (its file is next to the tokens file), opens the
 * page in headless Chromium and saves the whole page at the given seconds. A tool, not a test: the
 * build does not run it.
 *
 * <pre>
 * java -cp ... org.librarycampaign.dashboard.web.DemoScreenshot \
 *     http://localhost:8080 campaign-data/ingest-tokens.properties docs/dashboard 45,70,100
 * </pre>
 *
 * writes {@code docs/dashboard-45.png}, {@code docs/dashboard-70.png}, ...
 */
public final class DemoScreenshot {

  private DemoScreenshot() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: DemoScreenshot BASE_URL TOKENS_FILE OUTPUT_PREFIX SECONDS,...");
      System.exit(2);
    }
    URI base = URI.create(args[0]);
    String token =
        DemoCampaign.adminToken(Path.of(args[1]))
            .orElseThrow(() -> new IllegalStateException("no admin token in " + args[1]));
    Path prefix = Path.of(args[2]);
    Files.createDirectories(prefix.toAbsolutePath().getParent());
    try (Browser browser = Browser.start(1280, 1000);
        DemoCampaign demo = DemoCampaign.start(base, token)) {
      Properties viewers = new Properties();
      try (Reader reader =
          Files.newBufferedReader(
              Path.of(args[1]).resolveSibling(DashboardSettings.DEV_VIEWERS_FILE_NAME))) {
        viewers.load(reader);
      }
      browser.logIn(base, DevelopmentViewers.USER, viewers.getProperty(DevelopmentViewers.USER));
      browser.driver.get(base.resolve("/").toString());
      long started = System.nanoTime();
      for (String second : args[3].split(",")) {
        Duration at = Duration.ofSeconds(Long.parseLong(second.trim()));
        long wait = at.toNanos() - (System.nanoTime() - started);
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        Path shot = browser.screenshot("demo-" + at.toSeconds());
        Path target = Path.of(prefix + "-" + at.toSeconds() + ".png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(
            "%s (demo: %d events sent, %d failed)%n", target, demo.sent(), demo.failed());
      }
    }
  }
}
