/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.docs;

import io.github.cameljanus.JanusBody;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

// docs:begin drain
public class DrainRecipe extends RouteBuilder {
    private static final String ADMIN =
            "janus-admin:{{janus.admin}}?adminSecret={{janus.adminSecret}}";

    @Override
    public void configure() {
        // refuse new sessions (Janus answers create with 472), then watch the existing ones end
        from("direct:drain")
                .setVariable("global:drainDeadline", header("deadline"))
                .setBody(constant(Map.of("accept", false)))
                .to(ADMIN + "&operation=acceptNewSessions")
                .to("controlbus:route?routeId=drain-watch&action=start");

        // done once none is left or the deadline passed: stop Janus there
        from(ADMIN + "&operation=listSessions&delay={{janus.drainPoll:1000}}")
                .routeId("drain-watch")
                .autoStartup(false)
                .filter(exchange -> sessions(exchange).isEmpty() || pastDeadline(exchange))
                .process(
                        e ->
                                e.getMessage()
                                        .setHeader(
                                                "drainedBy",
                                                sessions(e).isEmpty() ? "empty" : "deadline"))
                .to("direct:drained")
                .to("controlbus:route?routeId=drain-watch&action=stop&async=true");
    }

    private static List<?> sessions(Exchange exchange) {
        return (List<?>) exchange.getMessage().getBody(JanusBody.class).get("sessions");
    }

    private static boolean pastDeadline(Exchange exchange) {
        return System.currentTimeMillis()
                > exchange.getVariable("global:drainDeadline", Long.class);
    }
}
// docs:end drain
