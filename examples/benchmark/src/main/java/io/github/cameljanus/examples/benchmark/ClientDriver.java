/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClientConfig;
import io.github.cameljanus.client.JanusClientMetrics;
import io.github.cameljanus.client.JanusHandle;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.JanusSession;
import io.github.cameljanus.client.transport.JanusTransportFactory;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The client API alone: asynchronous completion chains like the harness's raw clients (when a reply
 * completes a request, the next one is sent from the same dispatch thread).
 */
final class ClientDriver implements Driver {

    private static final long WAIT_S = 30;

    /** {@code {"audio":true}}, shared read-only by every request. */
    private static final ObjectNode AUDIO =
            new ObjectMapper().createObjectNode().put("audio", true);

    private final JanusTransportFactory transportFactory;
    private final CountingTransportFactory counting;
    private final Map<Long, JanusSession> w4Sessions = new ConcurrentHashMap<>();
    private JanusClient client;
    private JanusSession session;
    private JanusHandle[] handles;

    ClientDriver(JanusTransportFactory transportFactory, boolean countKeepalives) {
        this.counting = countKeepalives ? new CountingTransportFactory(transportFactory) : null;
        this.transportFactory = counting != null ? counting : transportFactory;
    }

    @Override
    public long keepalivesSent() {
        return counting == null ? -1 : counting.keepalives();
    }

    @Override
    public void connect(String url) {
        client =
                JanusClient.connect(
                        JanusClientConfig.builder()
                                .address(URI.create(url))
                                .transportFactory(transportFactory)
                                .build());
    }

    @Override
    public void openHandles(int count) throws Exception {
        session = client.createSession().get(WAIT_S, TimeUnit.SECONDS);
        handles = new JanusHandle[count];
        for (int i = 0; i < count; i++) {
            handles[i] = session.attach(Echo.PLUGIN, null).get(WAIT_S, TimeUnit.SECONDS);
        }
    }

    @Override
    public void closeHandles() throws Exception {
        for (JanusHandle handle : handles) {
            handle.detach().get(WAIT_S, TimeUnit.SECONDS);
        }
        session.destroy().get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public boolean async() {
        return true;
    }

    @Override
    public CompletableFuture<?> messageAsync(int i) {
        return handles[i % handles.length].message(AUDIO, null).thenAccept(ClientDriver::check);
    }

    private static void check(JanusReply reply) {
        if (reply.kind() != JanusReply.Kind.EVENT) {
            throw new IllegalStateException("expected the echotest event, got " + reply);
        }
        Echo.check(reply.data());
    }

    @Override
    public void message(int i) throws Exception {
        messageAsync(i).get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<?> cycleAsync(int i) {
        return client.createSession()
                .thenCompose(
                        s ->
                                s.attach(Echo.PLUGIN, null)
                                        .thenCompose(JanusHandle::detach)
                                        .thenCompose(v -> s.destroy()));
    }

    @Override
    public void cycle(int i) throws Exception {
        cycleAsync(i).get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public long createSession() throws Exception {
        JanusSession created = client.createSession().get(WAIT_S, TimeUnit.SECONDS);
        w4Sessions.put(created.id(), created);
        return created.id();
    }

    @Override
    public void keepAlive(long sessionId) throws Exception {
        w4Sessions.get(sessionId).keepAlive().get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public void destroySession(long sessionId) throws Exception {
        w4Sessions.remove(sessionId).destroy().get(WAIT_S, TimeUnit.SECONDS);
    }

    @Override
    public Map<String, Object> verifyAndDiagnose() throws Exception {
        // A late ack keeps its slot until it arrives: give the last ones a moment.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (client.metrics().pendingRequests() != 0 && System.nanoTime() < until) {
            Thread.sleep(10); // polling the end state of a finished run, not synchronising
        }
        JanusClientMetrics m = client.metrics();
        if (m.pendingRequests() != 0) {
            throw new IllegalStateException(
                    m.pendingRequests() + " transactions still pending at the end");
        }
        if (m.lateReplies() != 0 || m.malformedFrames() != 0) {
            throw new IllegalStateException(
                    "replies for unknown transactions or malformed frames: " + m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("late_replies", m.lateReplies());
        out.put("events_delivered", m.eventsDelivered());
        out.put("events_without_listener", m.eventsWithoutListener());
        out.put("dropped_events", m.droppedEvents());
        return out;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
