package org.librarycampaign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The command's own logback.xml, read by logback as the command reads it: {@code
 * CAMPAIGN_LOG_FORMAT=json} gives one JSON object a line with the key-values as fields, anything
 * else the line for people.
 */
class LogFormatTest {

  private static final String LOGGER_NAME = "org.librarycampaign.platform.ops.OpsServer";

  @Test
  void jsonFormatWritesOneJsonObjectALineWithTheKeyValues() throws Exception {
    String written = logOneRecordWith("json");

    assertThat(written).endsWith("\n").doesNotContain("\n{");
    JsonNode record = new ObjectMapper().readTree(written);
    assertThat(record.path("level").asText()).isEqualTo("INFO");
    assertThat(record.path("loggerName").asText()).isEqualTo(LOGGER_NAME);
    assertThat(record.path("formattedMessage").asText()).isEqualTo("HTTP server started");
    assertThat(record.path("kvpList")).hasSize(2);
    assertThat(record.path("kvpList").get(0).path("port").asText()).isEqualTo("8080");
    assertThat(record.path("kvpList").get(1).path("host").asText()).isEqualTo("0.0.0.0");
  }

  @Test
  void anyOtherFormatWritesTheLineForPeople() throws Exception {
    String written = logOneRecordWith("text");

    assertThat(written)
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  OpsServer port=\"8080\" host=\"0.0.0.0\""
                + " - HTTP server started\\R");
  }

  /** Configures a fresh logger context from the command's logback.xml and logs one record. */
  private static String logOneRecordWith(String format) throws JoranException {
    LoggerContext context = new LoggerContext();
    // what SLF4J's binding gives the process-wide context; a context of one's own needs it too
    context.setMDCAdapter(new LogbackMDCAdapter());
    // looked up before system properties and the environment, so the test is not at their mercy
    context.putProperty("CAMPAIGN_LOG_FORMAT", format);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL commandConfiguration = LogFormatTest.class.getResource("/logback.xml");
    assertThat(commandConfiguration).as("the command's logback.xml").isNotNull();
    configurator.doConfigure(commandConfiguration);
    try {
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      OutputStreamAppender<?> console =
          (OutputStreamAppender<?>)
              context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
      console.setOutputStream(written);

      context
          .getLogger(LOGGER_NAME)
          .atInfo()
          .addKeyValue("port", 8080)
          .addKeyValue("host", "0.0.0.0")
          .log("HTTP server started");

      return written.toString(StandardCharsets.UTF_8);
    } finally {
      context.stop();
    }
  }
}
