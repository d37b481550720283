/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.docs;

import java.util.Map;
import org.apache.camel.builder.RouteBuilder;

// docs:begin java-dsl
public class RoomEvents extends RouteBuilder {
    @Override
    public void configure() {
        from("janus:{{janus.url}}?plugin=janus.plugin.videoroom&eventTypes=event")
                .filter(simple("${body[joining]} != null"))
                .log("${body[joining][display]} joined room ${body[room]}")
                .to("seda:joined");

        from("direct:createRoom")
                .setBody(constant(Map.of("request", "create", "notify_joining", true)))
                .to("janus:{{janus.url}}?plugin=janus.plugin.videoroom")
                .log("created room ${body[room]}");
    }
}
// docs:end java-dsl
