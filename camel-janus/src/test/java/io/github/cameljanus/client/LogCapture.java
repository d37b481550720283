/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures what the client logs, at every level, while open. Lowers {@code io.github.cameljanus} to
 * the given level so DEBUG/TRACE frame logs can be inspected, and restores it on close.
 */
public final class LogCapture implements AutoCloseable {

    private static final String OURS = "io.github.cameljanus";

    private record Line(Level level, String text) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Appender appender = new Appender();
    private final Level previous;
    private final String logger;

    /** Captures our loggers' messages at this level and above. */
    public LogCapture(Level level) {
        this(OURS, level);
    }

    /** Captures the messages of this logger (and those below it) at this level and above. */
    public LogCapture(String logger, Level level) {
        this.logger = logger;
        Configuration configuration = context.getConfiguration();
        LoggerConfig config = configuration.getLoggerConfig(logger);
        previous = config.getLevel();
        appender.start();
        config.addAppender(appender, Level.ALL, null);
        config.setLevel(level);
        context.updateLoggers();
    }

    /** Returns the formatted messages (with thrown messages) captured so far. */
    public List<String> lines() {
        return lines.stream().map(Line::text).toList();
    }

    /** Returns the messages captured at WARN or more severe. */
    public List<String> warningsAndErrors() {
        return lines.stream()
                .filter(line -> line.level().isMoreSpecificThan(Level.WARN))
                .map(Line::text)
                .toList();
    }

    @Override
    public void close() {
        LoggerConfig config = context.getConfiguration().getLoggerConfig(logger);
        config.removeAppender(appender.getName());
        config.setLevel(previous);
        context.updateLoggers();
        appender.stop();
    }

    private final class Appender extends AbstractAppender {
        Appender() {
            super(
                    "capture-" + System.identityHashCode(LogCapture.this),
                    null,
                    null,
                    true,
                    Property.EMPTY_ARRAY);
        }

        @Override
        public synchronized void append(LogEvent event) {
            String thrown = event.getThrown() == null ? "" : " " + event.getThrown();
            String text = event.getMessage().getFormattedMessage() + thrown;
            lines.add(new Line(event.getLevel(), event.getLevel() + " " + text));
        }
    }
}
