package io.rafka.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Standard output is for records: the bundled logback.xml must send logs, and only warnings up, elsewhere. */
class LogbackConfigTest {
  @Test
  void logsWarningsAndAboveToStandardErrorOnly() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertEquals(Level.WARN, root.getLevel());

    List<Appender<?>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    assertEquals(1, appenders.size());
    ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, appenders.get(0));
    assertEquals("System.err", console.getTarget());
  }

  @Test
  void loadsWithoutWarnings() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    // Logback prints its own warnings to standard output, so a flawed configuration would spoil it.
    assertTrue(new StatusUtil(context).getHighestLevel(0) < Status.WARN,
        () -> context.getStatusManager().getCopyOfStatusList().toString());
  }
}
