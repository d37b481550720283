/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sets the room up and writes the event lines. The room's events themselves come from the YAML
 * route {@code routes/room-events.yaml}.
 */
public class RoomRoutes extends RouteBuilder {

    /**
     * Requests go to the managed session and handle of this endpoint: that handle is the monitor.
     */
    static final String VIDEOROOM = "janus:{{janus.url}}?plugin=janus.plugin.videoroom";

    @Override
    public void configure() {
        // Whenever the managed session and handle are created (at start, and again after Janus
        // restarted and took the room and the monitor with it): create the room unless it exists,
        // then join it as the monitor, a publisher that never publishes media but receives the
        // room's joining/leaving events. The event's headers address the managed handle.
        from(VIDEOROOM + "&eventTypes=managedHandleCreated")
                .routeId("setup")
                // an event's exchange is InOnly: InOut makes each request wait for the plugin's
                // final answer (the "joined" event of an asynchronous join) instead of the ack
                .setExchangePattern(ExchangePattern.InOut)
                .setBody(simple("{\"request\":\"exists\",\"room\":${properties:quickstart.room}}"))
                .to(VIDEOROOM)
                .choice()
                .when(simple("${body[exists]} == false"))
                .setBody(
                        simple(
                                "{\"request\":\"create\",\"room\":${properties:quickstart.room},"
                                        + "\"description\":\"camel-janus quickstart\","
                                        + "\"publishers\":16,\"notify_joining\":true}"))
                .to(VIDEOROOM)
                .log("Created room ${body[room]}")
                .end()
                .setBody(
                        simple(
                                "{\"request\":\"join\",\"ptype\":\"publisher\","
                                        + "\"room\":${properties:quickstart.room},"
                                        + "\"display\":\"${properties:quickstart.monitor-name}\"}"))
                .to(VIDEOROOM)
                .bean("quickstart", "monitorJoined")
                .log(
                        "Monitor joined room ${body[room]} as participant ${body[id]};"
                                + " event lines go to stdout and"
                                + " {{quickstart.events-dir}}/{{quickstart.events-file}}");

        // One JSON line per room event: on stdout (logger quickstart.events) and in the file.
        from("direct:event-line")
                .routeId("event-line")
                .bean(EventLines.class, "toLine")
                .log(LoggingLevel.INFO, "quickstart.events", "${body}")
                .transform(body().append("\n"))
                .to(
                        "file:{{quickstart.events-dir}}?fileName={{quickstart.events-file}}"
                                + "&fileExist=Append");
    }
}
