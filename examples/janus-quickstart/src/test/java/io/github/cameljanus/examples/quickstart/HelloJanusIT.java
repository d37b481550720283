/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.testing.JanusServerExtension;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's route does what the README shows: the InOnly join's answer arrives as an event. */
class HelloJanusIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @Test
    void joinAnswerArrivesAtTheConsumer() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("janus.url", JANUS.server().wsUrl());
            camel.getPropertiesComponent().setInitialProperties(properties);
            camel.addRoutes(new HelloJanus());
            NotifyBuilder joined =
                    new NotifyBuilder(camel)
                            .from("janus:*")
                            .filter(
                                    exchange ->
                                            "joined"
                                                    .equals(
                                                            exchange.getMessage()
                                                                    .getBody(Map.class)
                                                                    .get("videoroom")))
                            .whenDone(1)
                            .create();
            camel.start();
            assertThat(joined.matches(15, TimeUnit.SECONDS)).isTrue();
        }
    }
}
