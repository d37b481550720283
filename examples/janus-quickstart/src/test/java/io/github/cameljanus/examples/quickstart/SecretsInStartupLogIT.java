/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.testing.JanusServerExtension;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Camel Main's startup summary prints the janus component's secret options masked. */
class SecretsInStartupLogIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @TempDir Path dir;

    @Test
    void theStartupSummaryMasksApiSecret() throws Exception {
        StringWriter captured = new StringWriter();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        WriterAppender appender =
                WriterAppender.newBuilder()
                        .setName("startup-capture")
                        .setTarget(captured)
                        .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
                        .build();
        appender.start();
        logging.getConfiguration().getRootLogger().addAppender(appender, Level.INFO, null);
        logging.updateLoggers();
        Main main = QuickstartApp.newMain();
        main.addOverrideProperty("janus.url", JANUS.server().wsUrl());
        main.addOverrideProperty("quickstart.events-dir", dir.toString());
        main.addOverrideProperty("camel.component.janus.apiSecret", "s3cret-in-the-summary");
        try {
            main.start();
        } finally {
            main.stop();
            logging.getConfiguration().getRootLogger().removeAppender("startup-capture");
            logging.updateLoggers();
            appender.stop();
        }

        String log = captured.toString();
        assertThat(log).contains("camel.component.janus.apiSecret");
        assertThat(log).doesNotContain("s3cret-in-the-summary");
    }
}
