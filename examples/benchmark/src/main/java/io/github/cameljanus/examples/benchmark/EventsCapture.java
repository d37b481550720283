/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.testing.JanusServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures what a real Janus's WebSockets event handler pushes, so the {@code events-ws} and {@code
 * events-post} workloads replay real batches rather than invented ones: starts a throwaway Janus
 * ({@code camel-janus-testing}) with wsevh on, grouping on and its stock JSON format (indented),
 * pointed at a bare Vert.x WebSocket server of this class that keeps every text frame as it came;
 * drives it with raw Janus API clients (no camel-janus code on that side) that each cycle through
 * create, attach echotest, an SDP offer, attach videoroom, join and publish, detach and destroy;
 * then writes a contiguous run of the frames, from the steady middle of the capture, to a JSON file
 * ({@code {"source": ..., "frames": ["<frame text>", ...]}}), the frames' text byte for byte.
 *
 * <pre>
 *   java -cp ... io.github.cameljanus.examples.benchmark.EventsCapture OUT.json [clients] [cycles]
 * </pre>
 *
 * The benchmark's {@code src/main/resources/janus-events-batches.json} was written by it.
 */
public final class EventsCapture {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stored window: about this many events, so the resource stays small. */
    static final int WINDOW_EVENTS = 200;

    private EventsCapture() {}

    /**
     * Captures and writes the batches.
     *
     * @param argv the output file, then optionally the number of clients (8) and cycles each (6)
     */
    public static void main(String[] argv) throws Exception {
        if (argv.length < 1) {
            System.err.println("usage: EventsCapture OUT.json [clients] [cycles]");
            System.exit(2);
        }
        int clients = argv.length > 1 ? Integer.parseInt(argv[1]) : 8;
        int cycles = argv.length > 2 ? Integer.parseInt(argv[2]) : 6;
        Map<String, Object> summary = capture(Path.of(argv[0]), clients, cycles);
        System.out.println(Json.line(summary));
        System.exit(0);
    }

    /**
     * Runs a Janus, drives it, and writes the window of frames to {@code out}.
     *
     * @return what was captured and stored (counts, batch sizes)
     */
    static Map<String, Object> capture(Path out, int clients, int cycles) throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        AtomicLong lastFrameNanos = new AtomicLong(System.nanoTime());
        String version;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            int port = freePort();
            HttpServer server =
                    vertx.createHttpServer(
                            new HttpServerOptions()
                                    .setHost("127.0.0.1")
                                    .setPort(port)
                                    .setMaxWebSocketFrameSize(16 * 1024 * 1024)
                                    .setMaxWebSocketMessageSize(16 * 1024 * 1024)
                                    .setWebSocketSubProtocols(List.of("janus-event-handlers")));
            server.webSocketHandler(
                    socket ->
                            socket.textMessageHandler(
                                    text -> {
                                        frames.add(text);
                                        lastFrameNanos.set(System.nanoTime());
                                    }));
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (JanusServer janus =
                    JanusServer.builder()
                            .serverName("janus-capture")
                            .eventHandlerBackend("ws://127.0.0.1:" + port + "/capture")
                            .eventHandlerGrouping(true)
                            .build()
                            .start()) {
                awaitQuiet(frames, lastFrameNanos, 1, 20);
                try (RawClient raw = new RawClient(HttpClient.newHttpClient(), janus.wsUrl())) {
                    version =
                            raw.request(RawClient.obj("info"), 0, 0)
                                    .path("version_string")
                                    .asText("?");
                }
                int before = frames.size();
                drive(janus.wsUrl(), clients, cycles);
                awaitQuiet(frames, lastFrameNanos, before + 1, 30);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        return write(out, frames, "Janus " + version, clients, cycles);
    }

    /** Waits for at least {@code atLeast} frames and then 2 s without a new one. */
    private static void awaitQuiet(
            List<String> frames, AtomicLong lastFrameNanos, int atLeast, int timeoutS)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        while (System.nanoTime() < deadline) {
            if (frames.size() >= atLeast
                    && System.nanoTime() - lastFrameNanos.get() > TimeUnit.SECONDS.toNanos(2)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        if (frames.size() < atLeast) {
            throw new IllegalStateException(
                    "Janus's event handler pushed " + frames.size() + " frames, " + atLeast + "+");
        }
    }

    /** The clients, in parallel, each doing {@code cycles} cycles. */
    private static void drive(String url, int clients, int cycles) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(
                        pool.submit(
                                () -> {
                                    try (RawClient raw = new RawClient(http, url)) {
                                        for (int i = 0; i < cycles; i++) {
                                            raw.cycle("capture-" + client + "-" + i);
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stores a contiguous window of about {@link #WINDOW_EVENTS} events from the middle. */
    private static Map<String, Object> write(
            Path out, List<String> frames, String janus, int clients, int cycles)
            throws IOException {
        int[] sizes = new int[frames.size()];
        int total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = EventsBench.countEvents(frames.get(i));
            total += sizes[i];
        }
        // start a quarter in (past the first creates), stop at the window's size
        int start = 0;
        for (int seen = 0; start < sizes.length - 1 && seen + sizes[start] <= total / 4; start++) {
            seen += sizes[start];
        }
        List<String> window = new ArrayList<>();
        int events = 0;
        for (int i = start; i < sizes.length && events < WINDOW_EVENTS; i++) {
            window.add(frames.get(i));
            events += sizes[i];
        }
        ObjectNode file = JSON.createObjectNode();
        file.put(
                "source",
                janus
                        + " wsevh (grouping = true, json: Janus's default, indented), captured"
                        + " by io.github.cameljanus.examples.benchmark.EventsCapture at "
                        + Instant.now()
                        + ": "
                        + clients
                        + " raw clients x "
                        + cycles
                        + " cycles (create, attach echotest, offer, attach videoroom, join,"
                        + " publish, detach, destroy); frames "
                        + start
                        + ".."
                        + (start + window.size() - 1)
                        + " of "
                        + frames.size()
                        + " ("
                        + total
                        + " events), each a pushed text frame as it came");
        ArrayNode stored = file.putArray("frames");
        window.forEach(stored::add);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // one frame a line
        JSON.writer(
                        new DefaultPrettyPrinter()
                                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE))
                .writeValue(out.toFile(), file);
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("file", out.toString());
        summary.put("captured_frames", frames.size());
        summary.put("captured_events", total);
        summary.put("stored_frames", window.size());
        summary.put("stored_events", events);
        summary.put(
                "mean_batch_events",
                Workloads.round(window.isEmpty() ? 0 : (double) events / window.size(), 2));
        int max = 0;
        for (int i = start; i < start + window.size(); i++) {
            max = Math.max(max, sizes[i]);
        }
        summary.put("max_batch_events", max);
        return summary;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A client of Janus as janus.js would be: a bare JDK WebSocket speaking the Janus API. Waits
     * for each request's answer (a plugin message's event, not its ack).
     */
    private static final class RawClient implements AutoCloseable {

        private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger transactions = new AtomicInteger();
        private final WebSocket socket;

        RawClient(HttpClient http, String url) throws Exception {
            socket =
                    http.newWebSocketBuilder()
                            .subprotocols("janus-protocol")
                            .buildAsync(URI.create(url), new Collector())
                            .get(10, TimeUnit.SECONDS);
        }

        /** One life of a browser tab: both plugins, with SDP offers, then gone. */
        void cycle(String opaqueId) throws Exception {
            long session = request(obj("create"), 0, 0).path("data").path("id").asLong();
            long echo =
                    request(
                                    obj("attach")
                                            .put("plugin", "janus.plugin.echotest")
                                            .put("opaque_id", opaqueId),
                                    session,
                                    0)
                            .path("data")
                            .path("id")
                            .asLong();
            ObjectNode body = JSON.createObjectNode().put("audio", true).put("video", true);
            message(session, echo, body, offer());
            trickleCompleted(session, echo);
            message(session, echo, JSON.createObjectNode().put("bitrate", 256_000), null);
            long room =
                    request(
                                    obj("attach")
                                            .put("plugin", "janus.plugin.videoroom")
                                            .put("opaque_id", opaqueId),
                                    session,
                                    0)
                            .path("data")
                            .path("id")
                            .asLong();
            message(
                    session,
                    room,
                    JSON.createObjectNode()
                            .put("request", "join")
                            .put("ptype", "publisher")
                            .put("room", 1234)
                            .put("display", opaqueId),
                    null);
            message(
                    session,
                    room,
                    JSON.createObjectNode()
                            .put("request", "configure")
                            .put("audio", true)
                            .put("video", true),
                    offer());
            trickleCompleted(session, room);
            request(obj("detach"), session, room);
            request(obj("detach"), session, echo);
            request(obj("destroy"), session, 0);
        }

        static ObjectNode obj(String janus) {
            return JSON.createObjectNode().put("janus", janus);
        }

        private void message(long session, long handle, ObjectNode body, ObjectNode jsep)
                throws Exception {
            ObjectNode m = obj("message");
            m.set("body", body);
            if (jsep != null) {
                m.set("jsep", jsep);
            }
            JsonNode event = request(m, session, handle);
            JsonNode data = event.path("plugindata").path("data");
            if (data.has("error")) {
                throw new IllegalStateException("plugin refused " + body + ": " + data);
            }
        }

        private void trickleCompleted(long session, long handle) throws Exception {
            ObjectNode t = obj("trickle");
            t.putObject("candidate").put("completed", true);
            request(t, session, handle, true);
        }

        JsonNode request(ObjectNode request, long session, long handle) throws Exception {
            return request(request, session, handle, false);
        }

        /** Sends a request; its answer is its ack when {@code ackAnswers} (a trickle's). */
        private JsonNode request(ObjectNode request, long session, long handle, boolean ackAnswers)
                throws Exception {
            String transaction = (ackAnswers ? "a" : "t") + transactions.incrementAndGet();
            request.put("transaction", transaction);
            if (session != 0) {
                request.put("session_id", session);
            }
            if (handle != 0) {
                request.put("handle_id", handle);
            }
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(transaction, answer);
            socket.sendText(JSON.writeValueAsString(request), true).get(10, TimeUnit.SECONDS);
            JsonNode reply = answer.get(20, TimeUnit.SECONDS);
            if ("error".equals(reply.path("janus").asText())) {
                throw new IllegalStateException("Janus refused " + request + ": " + reply);
            }
            return reply;
        }

        /** A browser-like offer (audio and video, bundled, trickle ICE, no candidates yet). */
        private static ObjectNode offer() {
            String fingerprint =
                    "5B:3E:0A:1F:7C:9D:22:41:8E:6A:B0:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1"
                            + ":B2:C3:D4:E5:F6:07";
            String media =
                    "c=IN IP4 0.0.0.0\r\n"
                            + "a=rtcp:9 IN IP4 0.0.0.0\r\n"
                            + "a=ice-ufrag:Qx7f\r\n"
                            + "a=ice-pwd:l3mE6Ajz0cV9wXk2sR4tY8uP\r\n"
                            + "a=ice-options:trickle\r\n"
                            + "a=fingerprint:sha-256 "
                            + fingerprint
                            + "\r\n"
                            + "a=setup:actpass\r\n";
            String sdp =
                    "v=0\r\n"
                            + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
                            + "s=-\r\n"
                            + "t=0 0\r\n"
                            + "a=group:BUNDLE 0 1\r\n"
                            + "a=msid-semantic: WMS stream\r\n"
                            + "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
                            + media
                            + "a=mid:0\r\n"
                            + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                            + "a=sendrecv\r\n"
                            + "a=msid:stream audio0\r\n"
                            + "a=rtcp-mux\r\n"
                            + "a=rtpmap:111 opus/48000/2\r\n"
                            + "a=rtcp-fb:111 transport-cc\r\n"
                            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
                            + "a=rtpmap:0 PCMU/8000\r\n"
                            + "a=ssrc:1001 cname:capture\r\n"
                            + "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n"
                            + media
                            + "a=mid:1\r\n"
                            + "a=extmap:4 urn:3gpp:video-orientation\r\n"
                            + "a=sendrecv\r\n"
                            + "a=msid:stream video0\r\n"
                            + "a=rtcp-mux\r\n"
                            + "a=rtcp-rsize\r\n"
                            + "a=rtpmap:96 VP8/90000\r\n"
                            + "a=rtcp-fb:96 goog-remb\r\n"
                            + "a=rtcp-fb:96 transport-cc\r\n"
                            + "a=rtcp-fb:96 ccm fir\r\n"
                            + "a=rtcp-fb:96 nack\r\n"
                            + "a=rtcp-fb:96 nack pli\r\n"
                            + "a=rtpmap:97 rtx/90000\r\n"
                            + "a=fmtp:97 apt=96\r\n"
                            + "a=ssrc-group:FID 2001 2002\r\n"
                            + "a=ssrc:2001 cname:capture\r\n"
                            + "a=ssrc:2002 cname:capture\r\n";
            return JSON.createObjectNode().put("type", "offer").put("sdp", sdp);
        }

        @Override
        public void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }

        private final class Collector implements WebSocket.Listener {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(text.toString());
                        String janus = message.path("janus").asText();
                        String transaction = message.path("transaction").asText();
                        CompletableFuture<JsonNode> answer =
                                "ack".equals(janus) && !transaction.startsWith("a")
                                        ? null
                                        : pending.remove(transaction);
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException("Janus sent what is not JSON", e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }
    }
}
