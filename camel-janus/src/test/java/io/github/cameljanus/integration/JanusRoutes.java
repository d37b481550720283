/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.LambdaRouteBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** Camel contexts with routes to the Janus of an integration test. */
final class JanusRoutes {

    /** The query of a janus: endpoint on the echotest plugin. */
    static final String ECHOTEST = "plugin=janus.plugin.echotest";

    private JanusRoutes() {}

    /**
     * Returns a started Camel context with the given routes. A context that fails to start is
     * closed, so that it leaves no thread behind for the leak check after the class.
     */
    static CamelContext startContext(LambdaRouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            RouteBuilder.addRoutes(context, routes);
            context.start();
            return context;
        } catch (Exception e) {
            context.close();
            throw e;
        }
    }

    /** Returns the URI of a janus: endpoint on the Janus at {@code url}. */
    static String janusUri(String url, String query) {
        return "janus:" + url + "?" + query;
    }
}
