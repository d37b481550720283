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
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The page's live view of its call: a Server-Sent Events stream per call, {@code GET
 * /calls/{id}/events}, on the platform-http server's own Vert.x router (platform-http has no
 * streaming responses). Each message is the call's whole state, so a page that missed one (or whose
 * write was skipped while its connection was backed up) is right again with the next.
 *
 * <p>A call whose last stream closes without the call having ended (the page was closed, reloaded
 * or crashed) is handed to the {@link #ABANDONED} route, which ends it: nothing is left on Janus by
 * a page that went away. Owned by the CamelContext (a service): stopping it ends every stream.
 */
final class LiveUpdates extends ServiceSupport implements CamelContextAware {

    /** Where the call id of an abandoned call is sent (header {@code id}). */
    static final String ABANDONED = "direct:abandoned";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<HttpServerResponse>> streams = new ConcurrentHashMap<>();
    private CamelContext camelContext;
    private ProducerTemplate template;
    private Function<String, Map<String, Object>> current = id -> null;
    private int port;

    /** The platform-http server's port: its router is registered under a name made of it. */
    void port(int port) {
        this.port = port;
    }

    /** Where a newly opened stream gets the call's state from (null: no such call). */
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
        template = camelContext.createProducerTemplate();
        VertxPlatformHttpRouter.lookup(
                        camelContext, VertxPlatformHttpRouter.getRouterNameFromPort(port))
                .get("/calls/:id/events")
                .handler(this::open);
    }

    @Override
    protected void doStop() throws Exception {
        for (Set<HttpServerResponse> responses : streams.values()) {
            for (HttpServerResponse response : List.copyOf(responses)) {
                response.end();
            }
        }
        streams.clear();
        if (template != null) {
            template.stop();
            template = null;
        }
    }

    /** Sends a call's state to every page watching it. */
    void publish(String callId, Map<String, Object> state) {
        Set<HttpServerResponse> responses = streams.get(callId);
        if (responses == null) {
            return;
        }
        String message = message(state);
        for (HttpServerResponse response : responses) {
            // a page that does not read does not make the application buffer without end
            if (!response.writeQueueFull()) {
                write(responses, response, message);
            }
        }
    }

    /** Sends the call's last state and ends its streams: the call is over. */
    void close(String callId, Map<String, Object> state) {
        Set<HttpServerResponse> responses = streams.remove(callId);
        if (responses != null) {
            String message = message(state);
            for (HttpServerResponse response : responses) {
                try {
                    response.end(message);
                } catch (IllegalStateException ended) {
                    // that page's stream ended meanwhile: nothing to tell it
                }
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
        // compute: a stream opening and the last one closing are ordered by the map
        Set<HttpServerResponse> responses =
                streams.compute(
                        id,
                        (k, set) -> {
                            Set<HttpServerResponse> s =
                                    set != null ? set : ConcurrentHashMap.newKeySet();
                            s.add(response);
                            return s;
                        });
        response.closeHandler(v -> closed(id, responses, response));
        // The call may have ended between the first look and the registration: close() then
        // missed this stream.
        Map<String, Object> now = current.apply(id);
        if (now == null) {
            responses.remove(response);
            response.end();
            return;
        }
        write(responses, response, message(now));
    }

    /** A page's connection closed: its call is abandoned when no page watches it any more. */
    private void closed(String id, Set<HttpServerResponse> responses, HttpServerResponse response) {
        boolean[] last = {false};
        streams.computeIfPresent(
                id,
                (k, set) -> {
                    set.remove(response);
                    last[0] = set == responses && set.isEmpty();
                    return last[0] ? null : set;
                });
        ProducerTemplate t = template;
        if (last[0] && t != null) {
            // the route's outcome is its own: it logs, and a call already ended answers 404
            Future<?> unused = t.asyncRequestBodyAndHeader(ABANDONED, null, Calls.CALL_ID, id);
        }
    }

    /** Writes to one page; a page whose stream ended meanwhile is let go. */
    private static void write(
            Set<HttpServerResponse> responses, HttpServerResponse response, String message) {
        try {
            response.write(message);
        } catch (IllegalStateException ended) {
            responses.remove(response);
        }
    }

    private static String message(Map<String, Object> state) {
        try {
            return "data: " + JSON.writeValueAsString(state) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
