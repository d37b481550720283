/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import io.github.cameljanus.JanusConstants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Through Camel: a {@link ProducerTemplate} sending into {@code janus:} endpoints, one per
 * operation, all on one shared connection. {@code sync} (the default, as a route or a service would
 * call it) blocks a caller thread per request in flight ({@code requestBody...}); {@code async}
 * uses the template's asynchronous API ({@code asyncRequestBody...}), chained like the client mode.
 */
final class CamelDriver implements Driver {

    /** {@code {"audio":true}} as a Camel user would send it: a map body. */
    private static final Map<String, Object> AUDIO = Map.of("audio", true);

    private final boolean async;
    private CamelContext context;
    private ProducerTemplate template;
    private final String transport;
    private final boolean synchronous;
    private Endpoint message;
    private Endpoint create;
    private Endpoint attach;
    private Endpoint detach;
    private Endpoint destroy;
    private Endpoint keepalive;
    private long sessionId;
    private long[] handleIds;
    private Map<String, Object>[] handleHeaders;

    /**
     * @param async the asynchronous template API instead of the blocking one
     * @param transport the janus: endpoint's transport option
     * @param synchronous the blocking API on endpoints with synchronous=true
     */
    CamelDriver(boolean async, String transport, boolean synchronous) {
        this.async = async;
        this.transport = transport;
        this.synchronous = synchronous;
    }

    @Override
    public void connect(String url) throws Exception {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
        String base =
                "janus:"
                        + url
                        + "?transport="
                        + transport
                        + (synchronous ? "&synchronous=true" : "");
        message = context.getEndpoint(base + "&operation=message");
        create = context.getEndpoint(base + "&operation=createSession");
        attach = context.getEndpoint(base + "&operation=attach&plugin=" + Echo.PLUGIN);
        detach = context.getEndpoint(base + "&operation=detach");
        destroy = context.getEndpoint(base + "&operation=destroySession");
        keepalive = context.getEndpoint(base + "&operation=keepalive");
        // Start every producer now (one shared connection): the first request must not pay it.
        template.requestBody(context.getEndpoint(base + "&operation=ping"), (Object) null);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // a generic array of header maps
    public void openHandles(int count) {
        sessionId = Echo.id(template.requestBody(create, (Object) null), "createSession");
        handleIds = new long[count];
        handleHeaders = new Map[count];
        for (int i = 0; i < count; i++) {
            handleIds[i] =
                    Echo.id(
                            template.requestBodyAndHeader(
                                    attach, null, JanusConstants.SESSION_ID, sessionId),
                            "attach");
            handleHeaders[i] =
                    Map.of(
                            JanusConstants.SESSION_ID,
                            sessionId,
                            JanusConstants.HANDLE_ID,
                            handleIds[i]);
        }
    }

    @Override
    public void closeHandles() {
        for (Map<String, Object> headers : handleHeaders) {
            template.requestBodyAndHeaders(detach, null, headers);
        }
        template.requestBodyAndHeader(destroy, null, JanusConstants.SESSION_ID, sessionId);
    }

    @Override
    public boolean async() {
        return async;
    }

    @Override
    public CompletableFuture<?> messageAsync(int i) {
        return template.asyncRequestBodyAndHeaders(
                        message, AUDIO, handleHeaders[i % handleHeaders.length])
                .thenAccept(Echo::check);
    }

    @Override
    public void message(int i) {
        Echo.check(
                template.requestBodyAndHeaders(
                        message, AUDIO, handleHeaders[i % handleHeaders.length]));
    }

    @Override
    public CompletableFuture<?> cycleAsync(int i) {
        return template.asyncRequestBody(create, (Object) null)
                .thenCompose(
                        created -> {
                            long sid = Echo.id(created, "createSession");
                            return template.asyncRequestBodyAndHeader(
                                            attach, null, JanusConstants.SESSION_ID, sid)
                                    .thenCompose(
                                            attached ->
                                                    template.asyncRequestBodyAndHeaders(
                                                            detach,
                                                            null,
                                                            Map.of(
                                                                    JanusConstants.SESSION_ID,
                                                                    sid,
                                                                    JanusConstants.HANDLE_ID,
                                                                    Echo.id(attached, "attach"))))
                                    .thenCompose(
                                            detached ->
                                                    template.asyncRequestBodyAndHeader(
                                                            destroy,
                                                            null,
                                                            JanusConstants.SESSION_ID,
                                                            sid));
                        });
    }

    @Override
    public void cycle(int i) {
        long sid = Echo.id(template.requestBody(create, (Object) null), "createSession");
        long hid =
                Echo.id(
                        template.requestBodyAndHeader(attach, null, JanusConstants.SESSION_ID, sid),
                        "attach");
        template.requestBodyAndHeaders(
                detach,
                null,
                Map.of(JanusConstants.SESSION_ID, sid, JanusConstants.HANDLE_ID, hid));
        template.requestBodyAndHeader(destroy, null, JanusConstants.SESSION_ID, sid);
    }

    @Override
    public long createSession() {
        return Echo.id(template.requestBody(create, (Object) null), "createSession");
    }

    @Override
    public void keepAlive(long sid) {
        template.requestBodyAndHeader(keepalive, null, JanusConstants.SESSION_ID, sid);
    }

    @Override
    public void destroySession(long sid) {
        template.requestBodyAndHeader(destroy, null, JanusConstants.SESSION_ID, sid);
    }

    @Override
    public Map<String, Object> verifyAndDiagnose() {
        // Every request returned its reply (or threw); the client's table is not reachable
        // through the Camel API, so its end state is checked by the client mode only.
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("camel_api", async ? "async" : "sync");
        return out;
    }

    @Override
    public void close() throws Exception {
        if (template != null) {
            template.close();
        }
        if (context != null) {
            context.close();
        }
    }
}
