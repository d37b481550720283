/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import io.github.cameljanus.JanusConstants;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;

/**
 * Built-in visitors, so the room's event stream is alive without a browser: every few seconds a
 * visitor joins (its own session and handle, a publisher without media) or the oldest one leaves.
 */
public class VisitorRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:visitors?delay={{quickstart.visitor-period}}&period={{quickstart.visitor-period}}")
                .routeId("visitors")
                .setExchangePattern(ExchangePattern.InOut) // wait for each request's final answer
                .filter(method("quickstart", "isReady"))
                .choice()
                .when(method("quickstart", "shouldJoin"))
                .to("direct:visitor-join")
                .otherwise()
                .to("direct:visitor-leave");

        from("direct:visitor-join")
                .routeId("visitor-join")
                .setHeader("visitor", method("quickstart", "nextName"))
                .setHeader(JanusConstants.OPERATION, constant("createSession"))
                .to(RoomRoutes.VIDEOROOM)
                .setHeader(JanusConstants.OPERATION, constant("attach"))
                .to(RoomRoutes.VIDEOROOM)
                .setBody(
                        simple(
                                "{\"request\":\"join\",\"ptype\":\"publisher\","
                                        + "\"room\":${properties:quickstart.room},"
                                        + "\"display\":\"${header.visitor}\"}"))
                .to(RoomRoutes.VIDEOROOM)
                .bean("quickstart", "visitorJoined")
                .log("Visitor ${header.visitor} joined as ${body[id]}");

        from("direct:visitor-leave")
                .routeId("visitor-leave")
                .bean("quickstart", "oldestVisitor")
                .setBody(constant("{\"request\":\"leave\"}"))
                .to(RoomRoutes.VIDEOROOM)
                .setHeader(JanusConstants.OPERATION, constant("destroySession"))
                .to(RoomRoutes.VIDEOROOM)
                .log("Visitor ${header.visitor} left");
    }
}
