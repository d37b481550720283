/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.tyrus.server.Server;

/**
 * A scriptable in-process Janus on 127.0.0.1 (a Tyrus WebSocket server speaking {@code
 * janus-protocol}), for what a real Janus cannot be made to do on demand.
 *
 * <p>Usage:
 *
 * <pre>{@code
 * try (FakeJanus janus = FakeJanus.start()) {
 *     janus.on("message", (request, peer) -> {          // script the answer to a request verb
 *         peer.send(FakeJanus.event(request, "janus.plugin.fake", data)); // event first...
 *         peer.send(FakeJanus.ack(request));                               // ...then the ack
 *     });
 *     janus.on("keepalive", FakeJanus.SILENT);           // or stay silent
 *     ... connect a client to janus.uri() ...
 *     janus.peer().sendFragmented(bigFrame, 2800);       // push raw, fragmented or binary frames
 *     assertThat(janus.received("message")).hasSize(1);  // every request is recorded
 * }
 * }</pre>
 *
 * Without a script, requests get Janus-like defaults: {@code info} -> {@code server_info}, {@code
 * ping} -> {@code pong}, {@code create}/{@code attach} -> {@code success} with a new id, {@code
 * keepalive}/{@code trickle} -> {@code ack}, {@code claim}/{@code hangup}/{@code destroy} -> {@code
 * success}, {@code detach} -> {@code success} then {@code detached}, {@code message} -> {@code ack}
 * then an {@code event} with {@code {"result":"ok"}} from plugin {@link #PLUGIN}.
 */
public final class FakeJanus implements AutoCloseable {

    /** The plugin name the default {@code message} answer uses. */
    public static final String PLUGIN = "janus.plugin.fake";

    /** A responder that never answers. */
    public static final Responder SILENT = (request, peer) -> {};

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, FakeJanus> BY_PATH = new ConcurrentHashMap<>();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String path;
    private final Server server;
    private final Map<String, Responder> responders = new ConcurrentHashMap<>();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private volatile int sessionTimeout = 60;

    /** Answers one request; may send any number of frames through the peer. */
    @FunctionalInterface
    public interface Responder {
        /**
         * Answers a request.
         *
         * @param request the parsed request
         * @param peer the connection it came from
         * @throws IOException when sending fails
         */
        void respond(ObjectNode request, Peer peer) throws IOException;
    }

    private FakeJanus(int port) {
        path = "/fake-janus-" + INSTANCES.incrementAndGet();
        server = new Server("127.0.0.1", port, path, Map.of(), Endpoint.class);
    }

    /**
     * Starts a fake Janus on a free port of 127.0.0.1.
     *
     * @return the running fake
     */
    public static FakeJanus start() {
        DeploymentException last = null;
        // Tyrus reads port 0 as its default 8025, so pick a free port; retry if another process
        // takes it between the probe and the bind.
        for (int attempt = 0; attempt < 5; attempt++) {
            FakeJanus fake = new FakeJanus(freePort());
            BY_PATH.put(fake.path, fake);
            try {
                fake.server.start();
                return fake;
            } catch (DeploymentException e) {
                BY_PATH.remove(fake.path);
                last = e;
            }
        }
        throw new IllegalStateException("fake Janus did not start", last);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the ws:// address to connect to. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getPort() + path + "/");
    }

    /**
     * Replaces the answer to a request verb ({@code message}, {@code keepalive}, ...).
     *
     * @param verb the request's {@code janus} field
     * @param responder what to send back
     * @return this
     */
    public FakeJanus on(String verb, Responder responder) {
        responders.put(verb, responder);
        return this;
    }

    /**
     * Sets the {@code session-timeout} reported in {@code server_info} (default 60).
     *
     * @param seconds the timeout
     * @return this
     */
    public FakeJanus sessionTimeout(int seconds) {
        this.sessionTimeout = seconds;
        return this;
    }

    /** Returns every request received so far, in order. */
    public List<ObjectNode> received() {
        return List.copyOf(received);
    }

    /**
     * Returns the requests received so far with this verb.
     *
     * @param verb the request's {@code janus} field
     * @return the requests, in order
     */
    public List<ObjectNode> received(String verb) {
        return received.stream().filter(r -> verb.equals(r.path("janus").asText())).toList();
    }

    /** Returns the most recently connected peer (the client's socket). */
    public Peer peer() {
        if (peers.isEmpty()) {
            throw new IllegalStateException("no client connected");
        }
        return peers.get(peers.size() - 1);
    }

    /** Returns how many sockets are open now. */
    public int openConnections() {
        return (int) peers.stream().filter(p -> p.session.isOpen()).count();
    }

    @Override
    public void close() {
        server.stop();
        BY_PATH.remove(path);
    }

    // ---- frame builders ----

    /**
     * Returns {@code {"janus":"ack"}} for the request.
     *
     * @param request the request
     * @return the frame
     */
    public static ObjectNode ack(ObjectNode request) {
        return reply("ack", request);
    }

    /**
     * Returns a core {@code success} (no plugin data) for the request.
     *
     * @param request the request
     * @return the frame
     */
    public static ObjectNode success(ObjectNode request) {
        return reply("success", request);
    }

    /**
     * Returns a synchronous plugin reply ({@code success} with {@code sender} and plugindata).
     *
     * @param request the request
     * @param plugin the plugin package
     * @param data the plugin data
     * @return the frame
     */
    public static ObjectNode pluginSuccess(ObjectNode request, String plugin, JsonNode data) {
        ObjectNode frame = reply("success", request);
        withPluginData(frame, request, plugin, data);
        return frame;
    }

    /**
     * Returns an asynchronous plugin reply ({@code event} with the request's transaction).
     *
     * @param request the request
     * @param plugin the plugin package
     * @param data the plugin data
     * @return the frame
     */
    public static ObjectNode event(ObjectNode request, String plugin, JsonNode data) {
        ObjectNode frame = reply("event", request);
        withPluginData(frame, request, plugin, data);
        return frame;
    }

    /**
     * Returns a Janus {@code error} for the request.
     *
     * @param request the request
     * @param code the error code
     * @param reason the reason
     * @return the frame
     */
    public static ObjectNode error(ObjectNode request, int code, String reason) {
        ObjectNode frame = reply("error", request);
        frame.putObject("error").put("code", code).put("reason", reason);
        return frame;
    }

    /**
     * Parses JSON text (convenience for tests).
     *
     * @param json the text
     * @return the object
     */
    public static ObjectNode json(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode reply(String type, ObjectNode request) {
        ObjectNode frame = MAPPER.createObjectNode().put("janus", type);
        if (request.has("session_id")) {
            frame.set("session_id", request.get("session_id"));
        }
        if (request.has("transaction")) {
            frame.set("transaction", request.get("transaction"));
        }
        return frame;
    }

    private static void withPluginData(
            ObjectNode frame, ObjectNode request, String plugin, JsonNode data) {
        if (request.has("handle_id")) {
            frame.set("sender", request.get("handle_id"));
        }
        ObjectNode pluginData = frame.putObject("plugindata").put("plugin", plugin);
        pluginData.set("data", data);
    }

    // ---- server side ----

    private void onRequest(ObjectNode request, Peer peer) throws IOException {
        received.add(request);
        String verb = request.path("janus").asText();
        Responder responder = responders.get(verb);
        if (responder != null) {
            responder.respond(request, peer);
        } else {
            answerLikeJanus(verb, request, peer);
        }
    }

    private void answerLikeJanus(String verb, ObjectNode request, Peer peer) throws IOException {
        switch (verb) {
            case "info" -> {
                ObjectNode info = reply("server_info", request);
                info.put("name", "Fake Janus")
                        .put("version", 1102)
                        .put("version_string", "fake")
                        .put("session-timeout", sessionTimeout);
                peer.send(info);
            }
            case "ping" -> peer.send(reply("pong", request));
            case "create" -> {
                ObjectNode success = reply("success", request);
                long id = request.has("id") ? request.get("id").asLong() : ids.incrementAndGet();
                success.putObject("data").put("id", id);
                peer.send(success);
            }
            case "attach" -> {
                ObjectNode success = success(request);
                success.putObject("data").put("id", ids.incrementAndGet());
                peer.send(success);
            }
            case "keepalive", "trickle" -> peer.send(ack(request));
            case "detach" -> {
                peer.send(success(request));
                peer.send(detached(request));
            }
            case "message" -> {
                peer.send(ack(request));
                peer.send(event(request, PLUGIN, MAPPER.createObjectNode().put("result", "ok")));
            }
            default -> peer.send(success(request));
        }
    }

    /**
     * Returns the {@code detached} event for the handle of a request.
     *
     * @param request a handle-level request
     * @return the frame
     */
    public static ObjectNode detached(ObjectNode request) {
        ObjectNode frame = MAPPER.createObjectNode().put("janus", "detached");
        frame.set("session_id", request.get("session_id"));
        frame.set("sender", request.get("handle_id"));
        return frame;
    }

    /** One client socket as the fake sees it; every send is serialized. */
    public static final class Peer {
        private final Session session;

        Peer(Session session) {
            this.session = session;
        }

        /**
         * Sends a frame as one text message.
         *
         * @param frame the frame
         * @throws IOException when the socket is gone
         */
        public synchronized void send(JsonNode frame) throws IOException {
            sendRaw(frame.toString());
        }

        /**
         * Sends any text as one message (malformed JSON included).
         *
         * @param text the text
         * @throws IOException when the socket is gone
         */
        public synchronized void sendRaw(String text) throws IOException {
            session.getBasicRemote().sendText(text);
        }

        /**
         * Sends text as a fragmented message, like Janus does above 2800 bytes.
         *
         * @param text the text
         * @param fragmentSize the characters per frame
         * @throws IOException when the socket is gone
         */
        public synchronized void sendFragmented(String text, int fragmentSize) throws IOException {
            for (int start = 0; start < text.length(); start += fragmentSize) {
                int end = Math.min(text.length(), start + fragmentSize);
                session.getBasicRemote().sendText(text.substring(start, end), end == text.length());
            }
        }

        /**
         * Sends text as one binary message.
         *
         * @param text the text, UTF-8 encoded
         * @throws IOException when the socket is gone
         */
        public synchronized void sendBinary(String text) throws IOException {
            session.getBasicRemote()
                    .sendBinary(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * Closes the socket with a normal close frame.
         *
         * @throws IOException when closing fails
         */
        public void close() throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "fake closed"));
        }
    }

    /** The server endpoint Tyrus instantiates; finds its FakeJanus by the request path. */
    @ServerEndpoint(value = "/", subprotocols = "janus-protocol")
    public static final class Endpoint {
        private FakeJanus fake;
        private Peer peer;

        /**
         * Binds the socket to its fake.
         *
         * @param session the socket
         */
        @OnOpen
        public void open(Session session) {
            String requestPath = session.getRequestURI().getPath();
            fake =
                    BY_PATH.entrySet().stream()
                            .filter(e -> requestPath.startsWith(e.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow();
            peer = new Peer(session);
            fake.peers.add(peer);
        }

        /**
         * Handles one request.
         *
         * @param text the request
         * @throws IOException when answering fails
         */
        @OnMessage
        public void message(String text) throws IOException {
            fake.onRequest(json(text), peer);
        }

        /** Forgets the socket. */
        @OnClose
        public void close() {
            fake.peers.remove(peer);
        }
    }
}
