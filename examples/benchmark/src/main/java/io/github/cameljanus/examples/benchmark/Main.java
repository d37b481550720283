/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import io.github.cameljanus.client.transport.JanusTransportFactory;
import io.github.cameljanus.client.transport.jdk.JdkWebSocketTransportFactory;
import io.github.cameljanus.client.transport.tyrus.TyrusTransportFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The anchors harness's workloads through camel-janus, with the harness's CLI and its one-line JSON
 * output; the {@code janus-events:} listener's events per second ({@link EventsBench}); and the
 * cost of reading one frame ({@link ParseBench}), in the same CLI so one script runs them all.
 *
 * <pre>
 *   java -cp ... io.github.cameljanus.examples.benchmark.Main --workload w1|w2|w3|w4
 *        [--url ws://127.0.0.1:28188] [--mode camel|client] [--transport tyrus|jdk|jdk-pooled]
 *        [--camel-api sync|async|synchronous] [--n N] [--warmup N] [--warmup-s S] [--conc C]
 *        [--handles H] [--timeout S] [--duration-s S] [--name CLIENT]
 *   java -cp ... io.github.cameljanus.examples.benchmark.Main --workload events-ws|events-post
 *        [--n EVENTS] [--max-s S] [--warmup EVENTS] [--warmup-s S] [--conc PUSHERS] [--batch EVENTS]
 *        [--rounds R] [--batches CAPTURE.json] [--timeout S] [--name CLIENT]
 *   java -cp ... io.github.cameljanus.examples.benchmark.Main --workload parse
 *        [--url ws://127.0.0.1:28188] [--rounds R] [--max-s SECONDS-PER-TIMING]
 * </pre>
 *
 * Prints exactly one JSON line on stdout, or {@code FAIL: ...} on stderr and exits 1.
 */
public final class Main {

    private static final Set<String> KNOWN =
            Set.of(
                    "url",
                    "workload",
                    "n",
                    "warmup",
                    "warmup-s",
                    "conc",
                    "handles",
                    "timeout",
                    "mode",
                    "transport",
                    "camel-api",
                    "duration-s",
                    "name",
                    "batch",
                    "rounds",
                    "batches",
                    "max-s");
    private static final Set<String> EVENTS_OPTIONS =
            Set.of(
                    "workload",
                    "n",
                    "max-s",
                    "warmup",
                    "warmup-s",
                    "conc",
                    "timeout",
                    "name",
                    "batch",
                    "rounds",
                    "batches");

    private static final Set<String> PARSE_OPTIONS = Set.of("url", "workload", "rounds", "max-s");

    private Main() {}

    /**
     * Runs one workload and prints its JSON line.
     *
     * @param argv the harness's arguments
     */
    public static void main(String[] argv) {
        // Grizzly (Tyrus) logs INFO through java.util.logging: keep stderr for problems.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int code;
        try {
            System.out.println(Json.line(run(argv)));
            System.out.flush();
            code = 0;
        } catch (Throwable e) { // any failure at all fails the run loudly
            System.err.println("FAIL: " + Workloads.describe(e));
            System.err.flush();
            code = 1;
        }
        // Camel and the transports may keep non-daemon threads on failure: exit explicitly (exit,
        // not halt, so shutdown hooks such as a JFR recording's dump still run).
        System.exit(code);
    }

    /**
     * Runs one workload (also used by the smoke test, in-process).
     *
     * @param argv the harness's arguments
     * @return the fields of the JSON line
     */
    public static Map<String, Object> run(String... argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
                throw new IllegalArgumentException("bad argument " + argv[i]);
            }
            String key = argv[i].substring(2);
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("unknown argument --" + key);
            }
            a.put(key, argv[++i]);
        }
        String workload = a.getOrDefault("workload", "w1");
        if (EventsBench.handles(workload)) {
            return events(workload, a);
        }
        if (workload.equals("parse")) {
            for (String key : a.keySet()) {
                if (!PARSE_OPTIONS.contains(key)) {
                    throw new IllegalArgumentException("--" + key + " is not an option of parse");
                }
            }
            return ParseBench.run(
                    new ParseBench.Settings(
                            a.getOrDefault("url", "ws://127.0.0.1:28188"),
                            Integer.parseInt(a.getOrDefault("rounds", "5")),
                            Double.parseDouble(a.getOrDefault("max-s", "0.5"))));
        }
        for (String key : List.of("batch", "rounds", "batches", "max-s")) {
            if (a.containsKey(key)) {
                throw new IllegalArgumentException("--" + key + " is for events-ws|events-post");
            }
        }
        // n, warmup (min ops), conc, handles, warm-up chunk: the harness's numbers
        int[] d =
                switch (workload) {
                    case "w1" -> new int[] {10_000, 5_000, 1, 1, 1_000};
                    case "w2" -> new int[] {40_000, 10_000, 64, 16, 4_000};
                    case "w3" -> new int[] {5_000, 400, 8, 1, 100};
                    case "w4" -> new int[] {10_000, 0, 64, 0, 0};
                    default -> throw new IllegalArgumentException("unknown workload " + workload);
                };
        String mode = a.getOrDefault("mode", "camel");
        String transport = a.getOrDefault("transport", "jdk");
        String camelApi = a.getOrDefault("camel-api", "sync");
        Workloads.Settings s =
                new Workloads.Settings(
                        workload,
                        a.getOrDefault("url", "ws://127.0.0.1:28188"),
                        Integer.parseInt(a.getOrDefault("n", String.valueOf(d[0]))),
                        Integer.parseInt(a.getOrDefault("warmup", String.valueOf(d[1]))),
                        Double.parseDouble(a.getOrDefault("warmup-s", "4")),
                        d[4],
                        Integer.parseInt(a.getOrDefault("conc", String.valueOf(d[2]))),
                        Integer.parseInt(a.getOrDefault("handles", String.valueOf(d[3]))),
                        Double.parseDouble(
                                a.getOrDefault("timeout", workload.equals("w4") ? "900" : "120")),
                        Double.parseDouble(a.getOrDefault("duration-s", "180")));
        Driver driver;
        switch (mode) {
            case "client" ->
                    driver = new ClientDriver(transportFactory(transport), workload.equals("w4"));
            case "camel" -> {
                if (!transport.equals("tyrus") && !transport.equals("jdk")) {
                    throw new IllegalArgumentException(
                            "--mode camel: --transport jdk|tyrus (the janus: transport option)");
                }
                if (!Set.of("sync", "async", "synchronous").contains(camelApi)) {
                    throw new IllegalArgumentException("--camel-api sync|async|synchronous");
                }
                driver =
                        new CamelDriver(
                                camelApi.equals("async"),
                                transport,
                                camelApi.equals("synchronous"));
            }
            default -> throw new IllegalArgumentException("--mode camel|client");
        }
        String name =
                a.getOrDefault(
                        "name",
                        "camel-janus-"
                                + mode
                                + (mode.equals("client") || transport.equals("tyrus")
                                        ? "-" + transport
                                        : "")
                                + (camelApi.equals("sync") ? "" : "-" + camelApi));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", name);
        out.put("mode", mode);
        out.put("transport", transport);
        out.putAll(Workloads.run(s, driver));
        return out;
    }

    /** events-ws, events-post: no Janus, the listener and its baseline in this JVM. */
    private static Map<String, Object> events(String workload, Map<String, String> a)
            throws Exception {
        for (String key : a.keySet()) {
            if (!EVENTS_OPTIONS.contains(key)) {
                throw new IllegalArgumentException("--" + key + " is not an option of " + workload);
            }
        }
        EventsBench.Settings s =
                new EventsBench.Settings(
                        workload,
                        Integer.parseInt(a.getOrDefault("n", "500000")),
                        Double.parseDouble(a.getOrDefault("max-s", "3")),
                        Integer.parseInt(a.getOrDefault("warmup", "20000")),
                        Double.parseDouble(a.getOrDefault("warmup-s", "1")),
                        Integer.parseInt(a.getOrDefault("conc", "1")),
                        Integer.parseInt(a.getOrDefault("batch", "0")),
                        Integer.parseInt(a.getOrDefault("rounds", "3")),
                        Double.parseDouble(a.getOrDefault("timeout", "120")),
                        a.get("batches"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client", a.getOrDefault("name", "camel-janus-events"));
        out.put("mode", "camel");
        out.put("transport", workload.equals("events-ws") ? "ws" : "post");
        out.putAll(EventsBench.run(s));
        return out;
    }

    static JanusTransportFactory transportFactory(String transport) {
        return switch (transport) {
            case "tyrus" -> new TyrusTransportFactory("janus");
            case "jdk" ->
                    new JdkWebSocketTransportFactory(
                            "janus", JdkWebSocketTransportFactory.Delivery.SELECTOR);
            case "jdk-pooled" ->
                    new JdkWebSocketTransportFactory(
                            "janus", JdkWebSocketTransportFactory.Delivery.POOLED);
            default ->
                    throw new IllegalArgumentException(
                            "unknown transport "
                                    + transport
                                    + " (one of "
                                    + Arrays.toString(new String[] {"tyrus", "jdk", "jdk-pooled"})
                                    + ")");
        };
    }
}
