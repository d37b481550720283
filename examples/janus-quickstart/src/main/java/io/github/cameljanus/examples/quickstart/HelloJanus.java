/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import java.util.Map;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/** The README's route: what the component does, in twenty lines. Run with JANUS_URL set. */
public class HelloJanus extends RouteBuilder {

    @Override
    public void configure() {
        String videoRoom = "janus:{{janus.url}}?plugin=janus.plugin.videoroom";

        // Consumer: every plugin event of the connection's sessions, as an exchange.
        from(videoRoom + "&eventTypes=event").log("event: ${body}");

        // Producer: requests on a managed session and handle; the reply is the plugin's data.
        from("timer:hello?repeatCount=1")
                .setExchangePattern(ExchangePattern.InOut) // wait for each final reply
                .setBody(constant(Map.of("request", "create", "notify_joining", true)))
                .to(videoRoom)
                .log("created room ${body[room]}")
                .setBody(
                        e ->
                                Map.of(
                                        "request", "join",
                                        "ptype", "publisher",
                                        "room", e.getMessage().getBody(Map.class).get("room"),
                                        "display", "hello"))
                .to(ExchangePattern.InOnly, videoRoom) // done on Janus's ack: the answer
                .log("join sent"); // arrives as an event, above
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("false"); // not the quickstart's properties
        main.addInitialProperty(
                "janus.url", System.getenv().getOrDefault("JANUS_URL", "ws://127.0.0.1:8188"));
        main.configure().addRoutesBuilder(new HelloJanus());
        main.run(args);
    }
}
