/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import io.github.cameljanus.JanusConstants;
import io.github.cameljanus.client.JanusPluginException;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The janus: routes behind the REST API. All endpoints share one connection (same address and
 * secrets); the plugin, secrets and timeouts come from camel.component.janus.* properties.
 */
@Component
public class RoomRoutes extends RouteBuilder {

    static final String JANUS = "janus:{{janus.url}}";

    @Override
    public void configure() {
        // Plugin errors (unknown room, bad input) are the client's: the controller advice turns
        // them
        // into 4xx answers, so the route does not log them as failed deliveries.
        onException(JanusPluginException.class).logExhausted(false);

        // Create the room (notify_joining on, so the monitor hears joins), then put a monitor in
        // it: its own session and handle, a publisher without media.
        from("direct:create-room")
                .routeId("create-room")
                .setProperty("pin", simple("${body[pin]}"))
                .bean(RoomRequests.class, "create")
                .to(JANUS)
                .setProperty("created", body())
                .setHeader(JanusConstants.OPERATION, constant("createSession"))
                .to(JANUS)
                .setHeader(JanusConstants.OPERATION, constant("attach"))
                .to(JANUS)
                .setHeader("monitorName", simple("${properties:rooms.monitor-name}"))
                .bean(RoomRequests.class, "monitorJoin")
                .to(JANUS)
                .bean("roomStats", "monitorJoined")
                .setBody(exchangeProperty("created"));

        from("direct:list-rooms")
                .routeId("list-rooms")
                .setBody(constant("{\"request\":\"list\"}"))
                .to(JANUS);

        from("direct:list-participants")
                .routeId("list-participants")
                .setBody(simple("{\"request\":\"listparticipants\",\"room\":${header.room}}"))
                .to(JANUS);

        from("direct:destroy-room")
                .routeId("destroy-room")
                .bean(RoomRequests.class, "destroy")
                .to(JANUS)
                .setProperty("destroyed", body())
                .bean("roomStats", "forget") // sets the monitor's session id, if any
                .filter(header(JanusConstants.SESSION_ID).isNotNull())
                .setHeader(JanusConstants.OPERATION, constant("destroySession"))
                .to(JANUS)
                .end()
                .setBody(exchangeProperty("destroyed"));

        // Every plugin event of the connection; RoomStats keeps those its monitors receive.
        from(JANUS + "?eventTypes=event").routeId("room-events").bean("roomStats", "onEvent");
    }
}
