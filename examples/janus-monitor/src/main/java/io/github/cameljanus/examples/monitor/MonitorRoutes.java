/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.monitor;

import static org.apache.camel.support.builder.PredicateBuilder.and;

import io.github.cameljanus.events.JanusEventsConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Feeds the monitor's state from what Janus's event handlers push, and prints it periodically. The
 * janus-events endpoint drops, before routing, what the state has no use for (sessions, handles,
 * JSEP, ICE and DTLS steps, media state changes), so the route only dispatches.
 */
public class MonitorRoutes extends RouteBuilder {

    private static final String EVENTS =
            "janus-events:{{monitor.listen-host}}:{{monitor.listen-port}}{{monitor.listen-path}}"
                    + "?eventTypes=plugin,webrtc,media,core"
                    + "&eventSubtypes=connection,stats,startup,shutdown";

    @Override
    public void configure() {
        from(EVENTS)
                .routeId("events")
                .choice()
                .when(
                        and(
                                header(JanusEventsConstants.EVENT_TYPE).isEqualTo("plugin"),
                                header(JanusEventsConstants.PLUGIN)
                                        .isEqualTo("janus.plugin.videoroom")))
                .bean("monitor", "videoRoom")
                .when(header(JanusEventsConstants.EVENT_SUBTYPE).isEqualTo("connection"))
                .bean("monitor", "connection")
                .when(header(JanusEventsConstants.EVENT_SUBTYPE).isEqualTo("stats"))
                .bean("monitor", "stats")
                .when(header(JanusEventsConstants.EVENT_TYPE).isEqualTo("core"))
                .bean("monitor", "forget")
                .end();

        // One JSON line every monitor.summary-period ms, on stdout (logger monitor.summary).
        from("timer:summary?delay={{monitor.summary-period}}&period={{monitor.summary-period}}")
                .routeId("summary")
                .bean("monitor", "summaryLine")
                .log(LoggingLevel.INFO, "monitor.summary", "${body}");
    }
}
