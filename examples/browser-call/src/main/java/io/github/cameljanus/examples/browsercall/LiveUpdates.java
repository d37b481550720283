/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The page's live view of its call: a Server-Sent Events stream per call, {@code GET
 * /calls/{id}/events}, on the platform-http server's own Vert.x router (platform-http has no
 * streaming responses). Each message is the call's whole state, so a page that reconnects, or
 * missed one, is right again with the next. Owned by the CamelContext (a service): stopping it ends
 * every stream.
 */
final class LiveUpdates extends ServiceSupport implements CamelContextAware {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<HttpServerResponse>> streams = new ConcurrentHashMap<>();
    private CamelContext camelContext;
    private Function<String, Map<String, Object>> current = id -> null;
    private int port;

    /** The platform-http server's port: its router is registered under a name made of it. */
    void port(int port) {
        this.port = port;
    }

    /** Where a newly opened stream gets the call's state from (its first message). */
    void currentState(Function<String, Map<String, Object>> current) {
        this.current = current;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        VertxPlatformHttpRouter.lookup(
                        camelContext, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                .get("/calls/:id/events")
                .handler(this::open);
    }

    @Override
    protected void doStop() {
        for (Set<HttpServerResponse> responses : streams.values()) {
            for (HttpServerResponse response : List.copyOf(responses)) {
                response.end();
            }
        }
        streams.clear();
    }

    /** Sends a call's state to every page watching it; Vert.x writes on the response's thread. */
    void publish(String callId, Map<String, Object> state) {
        Set<HttpServerResponse> responses = streams.get(callId);
        if (responses == null) {
            return;
        }
        String message = message(state);
        for (HttpServerResponse response : responses) {
            write(responses, response, message);
        }
    }

    /**
     * Writes to one page; a page whose stream ended meanwhile (it left, the call ended) is let go.
     */
    private static void write(
            Set<HttpServerResponse> responses, HttpServerResponse response, String message) {
        try {
            response.write(message);
        } catch (IllegalStateException ended) {
            responses.remove(response);
        }
    }

    /** Sends the call's last state and ends its streams: the call is over. */
    void close(String callId, Map<String, Object> state) {
        Set<HttpServerResponse> responses = streams.remove(callId);
        if (responses != null) {
            String message = message(state);
            for (HttpServerResponse response : responses) {
                response.end(message);
            }
        }
    }

    private void open(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> state = current.apply(id);
        if (state == null) {
            ctx.response().setStatusCode(404).end("No call " + id);
            return;
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache");
        Set<HttpServerResponse> responses =
                streams.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        responses.add(response);
        response.closeHandler(v -> responses.remove(response));
        response.write(message(state));
    }

    private static String message(Map<String, Object> state) {
        try {
            return "data: " + JSON.writeValueAsString(state) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
