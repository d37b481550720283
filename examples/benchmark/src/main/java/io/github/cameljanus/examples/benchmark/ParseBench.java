/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.cameljanus.client.engine.Frames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code parse}: what reading one frame costs, {@link Frames#read} (the client's reader) against
 * Jackson's tree parse of the same chars (what the reader did before {@code FrameParser}), on the
 * frames a real Janus sends: the benchmark first captures them, byte for byte, from the Janus at
 * {@code --url} (server info, session and handle {@code success}, the {@code ack} and the EchoTest
 * {@code event} of a message, a keepalive's {@code ack}). Each round times both readers on each
 * frame for {@code seconds} (the order alternates per round) and the JSON line has the median of
 * the rounds, ns per frame, and the ratio, for each frame and for W2's pair (ack + event).
 */
final class ParseBench {

    record Settings(String url, int rounds, double seconds) {}

    private static final ObjectReader JACKSON = Frames.MAPPER.readerFor(JsonNode.class);

    private ParseBench() {}

    static Map<String, Object> run(Settings s) throws Exception {
        Map<String, String> frames = capture(s.url());
        Map<String, double[]> jackson = new LinkedHashMap<>();
        Map<String, double[]> reader = new LinkedHashMap<>();
        frames.keySet().forEach(k -> jackson.put(k, new double[s.rounds()]));
        frames.keySet().forEach(k -> reader.put(k, new double[s.rounds()]));
        for (int round = -1; round < s.rounds(); round++) { // round -1: warm-up, not reported
            for (Map.Entry<String, String> frame : frames.entrySet()) {
                char[] chars = frame.getValue().toCharArray();
                boolean jacksonFirst = Math.floorMod(round, 2) == 0;
                double a = nanosPerParse(chars, jacksonFirst, s.seconds());
                double b = nanosPerParse(chars, !jacksonFirst, s.seconds());
                if (round >= 0) {
                    jackson.get(frame.getKey())[round] = jacksonFirst ? a : b;
                    reader.get(frame.getKey())[round] = jacksonFirst ? b : a;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", "camel-janus-parse");
        out.put("workload", "parse");
        out.put("rounds", s.rounds());
        double pairJackson = 0;
        double pairReader = 0;
        for (String kind : frames.keySet()) {
            double j = median(jackson.get(kind));
            double r = median(reader.get(kind));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("chars", frames.get(kind).length());
            row.put("jackson_ns", Workloads.round(j, 1));
            row.put("frames_read_ns", Workloads.round(r, 1));
            row.put("ratio", Workloads.round(r / j, 3));
            out.put(kind, row);
            if (kind.equals("message_ack") || kind.equals("message_event")) {
                pairJackson += j;
                pairReader += r;
            }
        }
        out.put("w2_pair_jackson_ns", Workloads.round(pairJackson, 1));
        out.put("w2_pair_frames_read_ns", Workloads.round(pairReader, 1));
        out.put("w2_pair_ratio", Workloads.round(pairReader / pairJackson, 3));
        return out;
    }

    private static double nanosPerParse(char[] chars, boolean jackson, double seconds)
            throws IOException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long parses = 0;
        long sink = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 1000; i++) {
                JsonNode tree = jackson ? jackson(chars) : Frames.read(chars, 0, chars.length);
                sink += tree.size();
            }
            parses += 1000;
            now = System.nanoTime();
        } while (now < deadline);
        if (sink == 0) {
            throw new IllegalStateException("every frame parsed empty");
        }
        return (double) (now - start) / parses;
    }

    private static JsonNode jackson(char[] chars) throws IOException {
        try (JsonParser parser = JACKSON.createParser(chars, 0, chars.length)) {
            return JACKSON.readTree(parser);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Workloads.percentile(sorted, 50);
    }

    /** Each kind of frame, exactly as the Janus at {@code url} sends it. */
    private static Map<String, String> capture(String url) throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        WebSocket ws =
                http.newWebSocketBuilder()
                        .subprotocols("janus-protocol")
                        .buildAsync(URI.create(url), new Collector(received))
                        .get(10, TimeUnit.SECONDS);
        try {
            Map<String, String> frames = new LinkedHashMap<>();
            frames.put(
                    "server_info", ask(ws, received, "{\"janus\":\"info\"", "server_info").get(0));
            String created = ask(ws, received, "{\"janus\":\"create\"", "success").get(0);
            frames.put("session_success", created);
            long session = Frames.MAPPER.readTree(created).path("data").path("id").asLong();
            String attached =
                    ask(
                                    ws,
                                    received,
                                    "{\"janus\":\"attach\",\"session_id\":"
                                            + session
                                            + ",\"plugin\":\"janus.plugin.echotest\"",
                                    "success")
                            .get(0);
            frames.put("handle_success", attached);
            long handle = Frames.MAPPER.readTree(attached).path("data").path("id").asLong();
            List<String> message =
                    ask(
                            ws,
                            received,
                            "{\"janus\":\"message\",\"session_id\":"
                                    + session
                                    + ",\"handle_id\":"
                                    + handle
                                    + ",\"body\":{\"audio\":true}",
                            "event");
            frames.put("message_ack", message.get(0));
            frames.put("message_event", message.get(message.size() - 1));
            frames.put(
                    "keepalive_ack",
                    ask(ws, received, "{\"janus\":\"keepalive\",\"session_id\":" + session, "ack")
                            .get(0));
            ask(ws, received, "{\"janus\":\"destroy\",\"session_id\":" + session, "success");
            return frames;
        } finally {
            ws.abort();
        }
    }

    /**
     * Sends a request and returns the frames of its transaction up to one of type {@code until}.
     */
    private static List<String> ask(
            WebSocket ws, LinkedBlockingQueue<String> received, String request, String until)
            throws Exception {
        String transaction = "parse-" + System.nanoTime();
        ws.sendText(request + ",\"transaction\":\"" + transaction + "\"}", true)
                .get(10, TimeUnit.SECONDS);
        List<String> frames = new ArrayList<>();
        while (true) {
            String text = received.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new IllegalStateException("Janus did not answer " + request);
            }
            JsonNode frame = Frames.MAPPER.readTree(text);
            if (!transaction.equals(frame.path("transaction").asText())) {
                continue;
            }
            frames.add(text);
            String type = frame.path("janus").asText();
            if (type.equals("error")) {
                throw new IllegalStateException("Janus refused " + request + ": " + text);
            }
            if (type.equals(until)) {
                return frames;
            }
        }
    }

    /** Collects whole text messages. */
    private static final class Collector implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> received;
        private final StringBuilder partial = new StringBuilder();

        Collector(LinkedBlockingQueue<String> received) {
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
