/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.JanusBody;
import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.RouteChecks;
import io.github.cameljanus.client.LogCapture;
import io.github.cameljanus.testing.JanusServerExtension;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the Java DSL and YAML DSL examples of docs/janus-component.md (their sources are checked
 * against the doc by ComponentDocsTest) against a real Janus: a participant joins and leaves a
 * room, and each example route hands the event on.
 */
class DocsExamplesIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @Test
    void javaAndYamlExamplesSeeJoiningAndLeaving() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("janus.url", JANUS.server().wsUrl());
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addRoutes(new RoomEvents());
            try (LogCapture yaml = new LogCapture("org.apache.camel.dsl.yaml", Level.WARN)) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(
                                ResourceHelper.resolveResource(
                                        context, "classpath:docs/room-events.yaml"));
                // the docs teach Camel's canonical YAML notation, not the compact one
                assertThat(yaml.warningsAndErrors()).noneMatch(l -> l.contains("compact"));
            }
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            ConsumerTemplate consumer = context.createConsumerTemplate();
            String janus = "janus:" + JANUS.server().wsUrl() + "?plugin=janus.plugin.videoroom";

            Object room =
                    template.requestBody("direct:createRoom", null, JanusBody.class).get("room");
            long[] alice = participant(template, janus);
            join(template, janus, alice, room, "alice");
            long[] bob = participant(template, janus);
            join(template, janus, bob, room, "bob");

            Exchange joined = consumer.receive("seda:joined", 5000);
            assertThat(joined).isNotNull();
            assertThat(joined.getMessage().getBody(JanusBody.class).get("joining").toString())
                    .contains("\"display\":\"bob\"");

            send(template, janus, bob, Map.of("request", "leave"));
            Exchange left = consumer.receive("seda:left", 5000);
            assertThat(left).isNotNull();
            assertThat(left.getMessage().getBody(JanusBody.class)).containsKey("leaving");
        }
    }

    private static long[] participant(ProducerTemplate template, String janus) {
        long session = RouteChecks.createSession(template, janus);
        return new long[] {session, RouteChecks.attach(template, janus, session)};
    }

    private static void join(
            ProducerTemplate template, String janus, long[] ids, Object room, String display) {
        send(
                template,
                janus,
                ids,
                Map.of("request", "join", "ptype", "publisher", "room", room, "display", display));
    }

    private static void send(ProducerTemplate template, String janus, long[] ids, Object body) {
        Exchange exchange =
                template.request(
                        janus,
                        e -> {
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, ids[0]);
                            e.getMessage().setHeader(JanusConstants.HANDLE_ID, ids[1]);
                            e.getMessage().setBody(body);
                        });
        assertThat(exchange.getException()).isNull();
    }
}
