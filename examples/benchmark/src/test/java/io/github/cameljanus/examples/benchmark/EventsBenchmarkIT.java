/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Smoke run of the janus-events workloads with a tiny n on loopback, so they cannot rot: each
 * completes, counts every event it pushed once, and prints its line. No timing assertions: the
 * numbers are in docs/performance.md. The capture step runs too, against a real Janus, and its file
 * is replayed.
 */
class EventsBenchmarkIT {

    @ParameterizedTest(name = "{0} --conc {1} --batch {2}")
    @CsvSource({
        "events-ws, 1, 0",
        "events-ws, 1, 1",
        "events-ws, 2, 100",
        "events-post, 1, 0",
        "events-post, 4, 0",
        "events-post, 1, 100",
    })
    void workloadRunsAndCountsEveryEvent(String workload, int conc, int batch) throws Exception {
        Map<String, Object> out = run(workload, conc, batch, null);

        assertThat(out)
                .containsEntry("workload", workload)
                .containsEntry("transport", workload.equals("events-ws") ? "ws" : "post")
                .containsEntry("pushers", conc)
                .containsEntry("errors", 0)
                .containsKeys("ratio", "cpu_us_per_event", "baseline_cpu_us_per_event");
        assertThat((Long) out.get("events")).isGreaterThanOrEqualTo(2_000L);
        assertThat((Long) out.get("baseline_events")).isGreaterThanOrEqualTo(2_000L);
        assertThat((Double) out.get("events_per_s")).isPositive();
        assertThat((Double) out.get("baseline_events_per_s")).isPositive();
        if (batch == 1) {
            assertThat((Double) out.get("mean_batch_events")).isEqualTo(1.0);
        }
    }

    @Test
    void captureWritesRealBatchesThatReplay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("captured.json");
        Map<String, Object> captured = EventsCapture.capture(file, 2, 1);
        System.out.println(Json.line(captured));
        assertThat((Integer) captured.get("stored_events")).isPositive();
        assertThat(EventsBench.loadFrames(file.toString()))
                .allSatisfy(frame -> assertThat(EventsBench.countEvents(frame)).isPositive());

        Map<String, Object> out = run("events-ws", 1, 0, file.toString());
        assertThat(out).containsEntry("errors", 0);
    }

    @Test
    void theStoredBatchesAreJanusEventArrays() throws Exception {
        for (String frame : EventsBench.loadFrames(null)) {
            assertThat(frame).startsWith("[");
            assertThat(EventsBench.eventTexts(frame)).hasSize(EventsBench.countEvents(frame));
        }
    }

    private static Map<String, Object> run(String workload, int conc, int batch, String batches)
            throws Exception {
        Map<String, Object> out =
                batches == null
                        ? Main.run(
                                "--workload",
                                workload,
                                "--n",
                                "2000",
                                "--warmup",
                                "0",
                                "--warmup-s",
                                "0",
                                "--rounds",
                                "1",
                                "--conc",
                                String.valueOf(conc),
                                "--batch",
                                String.valueOf(batch),
                                "--max-s",
                                "20",
                                "--timeout",
                                "90")
                        : Main.run(
                                "--workload",
                                workload,
                                "--n",
                                "2000",
                                "--warmup",
                                "0",
                                "--warmup-s",
                                "0",
                                "--rounds",
                                "1",
                                "--batches",
                                batches,
                                "--timeout",
                                "90");
        System.out.println(Json.line(out));
        return out;
    }
}
