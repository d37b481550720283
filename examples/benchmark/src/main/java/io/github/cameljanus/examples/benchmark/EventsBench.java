/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * {@code events-ws} and {@code events-post}: how many events per second one {@code janus-events:}
 * listener routes, pushed the way Janus's event handlers push them (wsevh: text frames on one
 * WebSocket, subprotocol {@code janus-event-handlers}; sampleevh: sequential POSTs, the next once
 * the previous one is answered), replaying real batches captured from a Janus ({@link
 * EventsCapture}, {@code janus-events-batches.json}).
 *
 * <p>Each round measures two listeners in this JVM, one after the other (the order alternates per
 * round): the component (a route {@code from("janus-events:...").process(count)}: one exchange per
 * event) and a baseline, a bare Vert.x HTTP server with the same options that only parses each
 * message with Jackson and counts its events. The pusher (a JDK {@link HttpClient}) and the bytes
 * are the same for both, so the ratio is the component's own cost: the exchange, its headers and
 * body, the queue and the hand-off to the consumer's thread. A measurement pushes whole batches
 * after a warm-up, {@code n} events or for {@code maxS} seconds, whichever ends first; events/s is
 * the events pushed over the time from the first push to the last of them counted (routed, for the
 * component), and every event pushed must be counted exactly once. A first round, not reported,
 * warms the JIT up for both.
 *
 * <p>Over 400 lines: the two pushers, the two listeners and the replay's batches are one
 * measurement, kept side by side so what differs between the component and the baseline is seen.
 */
final class EventsBench {

    /** The captured batches, in the benchmark's resources. */
    static final String RESOURCE = "/janus-events-batches.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PATH = "/janus-events";

    /**
     * What to run.
     *
     * @param n events per measurement, at most
     * @param maxS seconds of pushing per measurement, at most (the events pushed by then count)
     * @param warmup events pushed at least before each measurement
     * @param warmupS seconds pushed at least before each measurement
     * @param pushers concurrent WebSockets or POSTers
     * @param batch events per pushed message, 0 for the batches as captured
     * @param rounds rounds of (component, baseline)
     * @param batches a capture file, null for the resource
     */
    record Settings(
            String workload,
            int n,
            double maxS,
            int warmup,
            double warmupS,
            int pushers,
            int batch,
            int rounds,
            double timeoutS,
            String batches) {}

    private EventsBench() {}

    static boolean handles(String workload) {
        return workload.equals("events-ws") || workload.equals("events-post");
    }

    static Map<String, Object> run(Settings s) throws Exception {
        if (s.n() <= 0 || s.pushers() <= 0 || s.rounds() <= 0 || s.batch() < 0) {
            throw new IllegalArgumentException("--n, --conc, --rounds positive; --batch >= 0");
        }
        long deadline = System.nanoTime() + (long) (s.timeoutS() * 1e9);
        boolean ws = s.workload().equals("events-ws");
        Batches batches = Batches.of(loadFrames(s.batches()), s.batch());
        Plan plan = Plan.of(batches, s.n());
        List<Map<String, Object>> component = new ArrayList<>();
        List<Map<String, Object>> baseline = new ArrayList<>();
        // round -1 warms the JIT (the pushers' JDK client, Vert.x, Jackson, Camel) up for both:
        // the first listener measured in a cold JVM is twice as slow, whichever it is
        for (int r = -1; r < s.rounds(); r++) {
            boolean baselineFirst = r % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean isBaseline = (k == 0) == baselineFirst;
                try (Listener listener =
                        isBaseline ? new BaselineListener() : new ComponentListener()) {
                    Map<String, Object> m;
                    try {
                        m = measure(s, ws, plan, listener, deadline);
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                (isBaseline ? "baseline" : "janus-events")
                                        + ", round "
                                        + r
                                        + ": "
                                        + Workloads.describe(e),
                                e);
                    }
                    if (r >= 0) {
                        (isBaseline ? baseline : component).add(m);
                    }
                }
            }
        }
        double[] ratios = new double[s.rounds()];
        for (int r = 0; r < s.rounds(); r++) {
            ratios[r] =
                    (double) component.get(r).get("events_per_s")
                            / (double) baseline.get(r).get("events_per_s");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", s.workload());
        out.put("n", s.n());
        out.put("max_s", s.maxS());
        out.put("events", Math.round(median(values(component, "events"))));
        out.put("baseline_events", Math.round(median(values(baseline, "events"))));
        out.put("batch", s.batch() == 0 ? "captured" : String.valueOf(s.batch()));
        out.put("mean_batch_events", Workloads.round((double) plan.events() / plan.size(), 2));
        out.put("max_batch_events", batches.maxEvents());
        out.put("bytes_per_event", Workloads.round((double) plan.bytes() / plan.events(), 1));
        out.put("captured_messages", batches.frames().size());
        out.put("pushers", s.pushers());
        out.put("rounds", s.rounds());
        out.put("warmup", s.warmup());
        out.put("warmup_s", s.warmupS());
        out.put("events_per_s", Workloads.round(median(values(component, "events_per_s")), 1));
        out.put(
                "baseline_events_per_s",
                Workloads.round(median(values(baseline, "events_per_s")), 1));
        out.put("ratio", Workloads.round(median(ratios), 3));
        out.put("ops_per_s", out.get("events_per_s"));
        out.put(
                "cpu_us_per_event",
                Workloads.round(median(values(component, "cpu_us_per_event")), 3));
        out.put(
                "baseline_cpu_us_per_event",
                Workloads.round(median(values(baseline, "cpu_us_per_event")), 3));
        out.put("events_rounds", values(component, "events"));
        out.put("baseline_events_rounds", values(baseline, "events"));
        out.put("events_per_s_rounds", values(component, "events_per_s"));
        out.put("baseline_events_per_s_rounds", values(baseline, "events_per_s"));
        out.put("ratio_rounds", roundAll(ratios, 3));
        out.put("elapsed_s_rounds", values(component, "elapsed_s"));
        out.put("baseline_elapsed_s_rounds", values(baseline, "elapsed_s"));
        long retries = 0;
        for (Map<String, Object> m : component) {
            retries += Math.round((double) m.get("retries"));
        }
        for (Map<String, Object> m : baseline) {
            retries += Math.round((double) m.get("retries"));
        }
        if (!ws) {
            out.put("post_retries", retries);
        }
        out.put("rss_mb", Workloads.round(Workloads.rssMb(), 1));
        out.put("errors", 0);
        return out;
    }

    /** Warm-up, then one measured pass of the plan, on a fresh listener. */
    private static Map<String, Object> measure(
            Settings s, boolean ws, Plan plan, Listener listener, long deadline) throws Exception {
        Counter counter = new Counter();
        String url = listener.start(counter);
        try (Pusher pusher =
                ws ? new WebSocketPusher(url, s.pushers()) : new PostPusher(url, s.pushers())) {
            // warm-up: the plan from its start, again if needed, for warmup events and warmup-s
            counter.arm();
            Source warm =
                    new Source(
                            plan,
                            Long.MAX_VALUE,
                            s.warmup(),
                            System.nanoTime() + (long) (s.warmupS() * 1e9));
            push(pusher, warm, s.pushers(), deadline);
            await(counter.expect(warm.events()), counter, warm.events(), deadline);

            counter.arm();
            long retries0 = pusher.retries();
            Source measured = new Source(plan, plan.size(), 0, 0);
            long cpu0 = Workloads.cpuNanos();
            long t0 = System.nanoTime();
            measured.stopAt(t0 + (long) (s.maxS() * 1e9));
            push(pusher, measured, s.pushers(), deadline);
            long events = measured.events();
            // stopped by time: fewer than the plan; the stage completes once those are counted
            long t1 = await(counter.expect(events), counter, events, deadline);
            long cpu = Workloads.cpuNanos() - cpu0;
            if (counter.count() != events || events == 0) {
                throw new IllegalStateException(
                        "pushed " + events + " events, counted " + counter.count());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            double secs = (t1 - t0) / 1e9;
            m.put("events", (double) events);
            m.put("elapsed_s", Workloads.round(secs, 4));
            m.put("events_per_s", Workloads.round(events / secs, 1));
            m.put("cpu_us_per_event", Workloads.round(cpu / 1e3 / events, 3));
            m.put("retries", (double) (pusher.retries() - retries0));
            return m;
        }
    }

    /** Runs {@code pushers} threads, each taking the next message from the source, to its end. */
    private static void push(Pusher pusher, Source source, int pushers, long deadline)
            throws Exception {
        ExecutorService threads =
                Executors.newFixedThreadPool(
                        pushers,
                        r -> {
                            Thread t = new Thread(r, "events-pusher");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < pushers; p++) {
                int lane = p;
                running.add(
                        threads.submit(
                                () -> {
                                    for (String m = source.next(); m != null; m = source.next()) {
                                        pusher.push(lane, m);
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalStateException(
                            "watchdog: timed out pushing, " + source.events() + " events pushed");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(
                            "push failed: " + Workloads.describe(e), e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static long await(
            CompletableFuture<Long> last, Counter counter, long expected, long deadline)
            throws Exception {
        try {
            return last.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "watchdog: " + counter.count() + "/" + expected + " events counted");
        }
    }

    /** The messages of the capture file (the resource when {@code file} is null). */
    static List<String> loadFrames(String file) throws IOException {
        JsonNode root;
        if (file == null) {
            try (InputStream in = EventsBench.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath");
                }
                root = JSON.readTree(in);
            }
        } else {
            root = JSON.readTree(Files.readString(Path.of(file)));
        }
        List<String> frames = new ArrayList<>();
        for (JsonNode frame : root.path("frames")) {
            frames.add(frame.asText());
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames in " + (file == null ? RESOURCE : file));
        }
        return frames;
    }

    /** Events in a pushed message, as janus-events reads it: an event, or an array of them. */
    static int countEvents(String message) {
        try {
            return countEvents(JSON.readTree(message));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static int countEvents(JsonNode root) {
        if (root != null && root.isArray()) {
            int events = 0;
            for (JsonNode element : root) {
                events += isEvent(element) ? 1 : 0;
            }
            return events;
        }
        if (!isEvent(root)) {
            throw new IllegalArgumentException("not a Janus event");
        }
        return 1;
    }

    private static boolean isEvent(JsonNode node) {
        return node != null && node.isObject() && node.path("type").isInt() && node.has("event");
    }

    /**
     * The text of each event of a message, cut from the message as it came (an array's elements
     * keep Janus's bytes, indentation included).
     */
    static List<String> eventTexts(String message) throws IOException {
        List<String> events = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(message)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                return List.of(message.strip());
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("neither an event nor an array");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
                int from = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int to = (int) p.currentLocation().getCharOffset();
                events.add(message.substring(from, to));
            }
        }
        return events;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] values(List<Map<String, Object>> rounds, String key) {
        double[] v = new double[rounds.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (double) rounds.get(i).get(key);
        }
        return v;
    }

    private static double[] roundAll(double[] values, int digits) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Workloads.round(values[i], digits);
        }
        return v;
    }

    /**
     * The messages replayed: the captured ones, or their events regrouped {@code batch} to a
     * message, every message exactly {@code batch} (1: one event object per message, as Janus sends
     * without grouping; Janus groups at most 100).
     */
    record Batches(List<String> frames, List<Integer> events, List<Integer> bytes, int maxEvents) {

        static Batches of(List<String> captured, int batch) throws IOException {
            List<String> frames = captured;
            if (batch > 0) {
                List<String> once = new ArrayList<>();
                for (String message : captured) {
                    once.addAll(eventTexts(message));
                }
                // the capture's events again and again, so that every message has batch of them
                int times =
                        batch
                                / BigInteger.valueOf(once.size())
                                        .gcd(BigInteger.valueOf(batch))
                                        .intValue();
                List<String> all = new ArrayList<>();
                for (int i = 0; i < times; i++) {
                    all.addAll(once);
                }
                frames = new ArrayList<>();
                for (int i = 0; i < all.size(); i += batch) {
                    List<String> group = all.subList(i, Math.min(all.size(), i + batch));
                    frames.add(
                            batch == 1
                                    ? group.get(0)
                                    : "[\n   " + String.join(",\n   ", group) + "]");
                }
            }
            List<Integer> events = new ArrayList<>();
            List<Integer> bytes = new ArrayList<>();
            for (String frame : frames) {
                events.add(countEvents(frame));
                bytes.add(frame.getBytes(StandardCharsets.UTF_8).length);
            }
            int max = events.stream().mapToInt(Integer::intValue).max().orElse(0);
            return new Batches(List.copyOf(frames), List.copyOf(events), List.copyOf(bytes), max);
        }
    }

    /** One measurement's messages: the batches in order, again and again, to n events or more. */
    record Plan(List<String> frames, List<Integer> counts, long events, long bytes) {

        static Plan of(Batches b, int n) {
            List<String> frames = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            long events = 0;
            long bytes = 0;
            for (int i = 0; events < n; i = (i + 1) % b.frames().size()) {
                frames.add(b.frames().get(i));
                counts.add(b.events().get(i));
                events += b.events().get(i);
                bytes += b.bytes().get(i);
            }
            return new Plan(frames, counts, events, bytes);
        }

        int size() {
            return frames.size();
        }
    }

    /** Hands out the plan's messages to the pushers: {@code limit} of them, or by time. */
    private static final class Source {
        private final Plan plan;
        private final long limit;
        private final long minEvents;
        private final long untilNanos;
        private volatile long stopNanos = Long.MAX_VALUE;
        private final AtomicLong index = new AtomicLong();
        private final AtomicLong events = new AtomicLong();

        Source(Plan plan, long limit, long minEvents, long untilNanos) {
            this.plan = plan;
            this.limit = limit;
            this.minEvents = minEvents;
            this.untilNanos = untilNanos;
        }

        /** Hands out no message from {@code nanos} on. */
        void stopAt(long nanos) {
            stopNanos = nanos;
        }

        /** The next message, or null when done (the limit, the stop time, both minimums). */
        String next() {
            long now = System.nanoTime();
            if (now >= stopNanos
                    || (limit == Long.MAX_VALUE
                            && events.get() >= minEvents
                            && now >= untilNanos)) {
                return null;
            }
            long i = index.getAndIncrement();
            if (i >= limit) {
                return null;
            }
            int k = (int) (i % plan.size());
            events.addAndGet(plan.counts().get(k));
            return plan.frames().get(k);
        }

        long events() {
            return events.get();
        }
    }

    /** Counts events; completes a stage with the time the expected count was reached. */
    static final class Counter {
        private final AtomicLong count = new AtomicLong();
        private volatile long target = Long.MAX_VALUE;
        private volatile CompletableFuture<Long> reached = new CompletableFuture<>();

        void add(long events) {
            if (count.addAndGet(events) >= target) {
                reached.complete(System.nanoTime());
            }
        }

        /** Starts counting from zero, nothing expected yet (no event may be in flight). */
        void arm() {
            target = Long.MAX_VALUE;
            reached = new CompletableFuture<>();
            count.set(0);
        }

        CompletableFuture<Long> expect(long events) {
            CompletableFuture<Long> stage = reached;
            target = events;
            if (count.get() >= events) {
                stage.complete(System.nanoTime());
            }
            return stage;
        }

        long count() {
            return count.get();
        }
    }

    /** A listener under measurement. */
    private interface Listener extends AutoCloseable {
        /** Starts listening; returns the backend URL (ws:// form) the pusher pushes to. */
        String start(Counter counter) throws Exception;

        @Override
        void close() throws Exception;
    }

    /** The component: one route, one exchange per event, a trivial counting processor. */
    private static final class ComponentListener implements Listener {
        private CamelContext context;

        @Override
        public String start(Counter counter) throws Exception {
            int port = EventsCapture.freePort();
            context = new DefaultCamelContext();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus-events:127.0.0.1:" + port + PATH)
                                    .routeId("events")
                                    .process(exchange -> counter.add(1));
                        }
                    });
            context.start();
            return "ws://127.0.0.1:" + port + PATH;
        }

        @Override
        public void close() throws Exception {
            if (context != null) {
                context.close();
            }
        }
    }

    /**
     * The baseline: a bare Vert.x HTTP server with the listener's options on a Vert.x like the
     * component's own (one event loop), that parses each message with Jackson and counts its
     * events, on the event loop. A POST is answered once counted.
     */
    private static final class BaselineListener implements Listener {
        private Vertx vertx;

        @Override
        public String start(Counter counter) throws Exception {
            vertx =
                    Vertx.vertx(
                            new VertxOptions()
                                    .setEventLoopPoolSize(1)
                                    .setWorkerPoolSize(1)
                                    .setInternalBlockingPoolSize(1));
            HttpServer server =
                    vertx.createHttpServer(
                            new HttpServerOptions()
                                    .setHost("127.0.0.1")
                                    .setPort(0)
                                    .setMaxWebSocketFrameSize(16 * 1024 * 1024)
                                    .setMaxWebSocketMessageSize(16 * 1024 * 1024)
                                    .setWebSocketSubProtocols(List.of("janus-event-handlers"))
                                    .setDecompressionSupported(true)
                                    .setHttp2ClearTextEnabled(false));
            server.webSocketHandler(
                    socket -> socket.textMessageHandler(text -> counter.add(countEvents(text))));
            server.requestHandler(
                    request ->
                            request.bodyHandler(
                                    body -> {
                                        counter.add(countEvents(body.toString()));
                                        request.response().setStatusCode(200).end();
                                    }));
            HttpServer bound =
                    server.listen()
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(10, TimeUnit.SECONDS);
            return "ws://127.0.0.1:" + bound.actualPort() + PATH;
        }

        @Override
        public void close() throws Exception {
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What pushes: one message at a time per lane, returning once it is sent (or answered). */
    private interface Pusher extends AutoCloseable {
        void push(int lane, String message) throws Exception;

        /** Messages sent again after the JDK client lost them (POST only). */
        default long retries() {
            return 0;
        }

        @Override
        void close() throws Exception;
    }

    /**
     * wsevh's way: text frames on a WebSocket with subprotocol {@code janus-event-handlers}, one
     * per lane; the next frame once the previous one is written (TCP holds it when the listener
     * pauses the socket).
     */
    private static final class WebSocketPusher implements Pusher {
        private final HttpClient http = HttpClient.newHttpClient();
        private final WebSocket[] sockets;

        WebSocketPusher(String url, int lanes) throws Exception {
            sockets = new WebSocket[lanes];
            for (int i = 0; i < lanes; i++) {
                sockets[i] =
                        http.newWebSocketBuilder()
                                .subprotocols("janus-event-handlers")
                                .buildAsync(URI.create(url), new WebSocket.Listener() {})
                                .get(10, TimeUnit.SECONDS);
            }
        }

        @Override
        public void push(int lane, String message) throws Exception {
            sockets[lane].sendText(message, true).get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            for (WebSocket socket : sockets) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * sampleevh's way: a POST per message ({@code Content-Type: application/json}, HTTP/1.1 as
     * libcurl), the next once it is answered. Each lane has a client (and so a connection) of its
     * own, as each Janus would: with one JDK 17 client shared by concurrent senders, its pool now
     * and then hands a sender a connection it has just closed itself ({@code HTTP/1.1 header parser
     * received no bytes}, seen against a bare Vert.x server too). A client per lane makes that
     * rare, not gone: the JDK client closes a connection after reading a response, then sends the
     * next request on it (a Netty trace of the listener shows the client's close and no request
     * read), so such a POST is sent again, as sampleevh retransmits, and counted ({@code
     * post_retries}); the listener never saw it, and a duplicate would fail the count check. Unlike
     * sampleevh (a new libcurl handle, so a new connection, per POST) a lane keeps its connection.
     */
    private static final class PostPusher implements Pusher {
        private static final int ATTEMPTS = 3;

        private final HttpClient[] clients;
        private final URI uri;
        private final AtomicLong retries = new AtomicLong();

        PostPusher(String wsUrl, int lanes) {
            uri = URI.create("http" + wsUrl.substring("ws".length()));
            clients = new HttpClient[lanes];
            for (int i = 0; i < lanes; i++) {
                clients[i] = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            }
        }

        @Override
        public void push(int lane, String message) throws Exception {
            HttpRequest request =
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(message))
                            .build();
            HttpResponse<Void> response = null;
            for (int attempt = 1; response == null; attempt++) {
                try {
                    response = clients[lane].send(request, HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    if (attempt == ATTEMPTS
                            || !String.valueOf(e.getMessage()).contains("received no bytes")) {
                        throw e;
                    }
                    retries.incrementAndGet();
                }
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST answered " + response.statusCode());
            }
        }

        @Override
        public long retries() {
            return retries.get();
        }

        @Override
        public void close() {
            // HttpClient closes its idle connections itself (Java 17 has no close())
        }
    }
}
