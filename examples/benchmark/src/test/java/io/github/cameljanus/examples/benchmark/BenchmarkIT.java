/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cameljanus.testing.JanusServerExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Smoke run of every workload in both modes with a small n against a real Janus, so the benchmark
 * cannot rot. No timing assertions: the numbers come from the harness (docs/performance.md).
 */
class BenchmarkIT {

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @ParameterizedTest(name = "{0} --mode {1} {2}")
    @CsvSource({
        "w1, camel, --camel-api=sync, 200",
        "w1, client, --transport=jdk, 200",
        "w2, camel, --camel-api=sync, 640",
        "w2, camel, --camel-api=async, 640",
        "w2, client, --transport=jdk, 640",
        "w2, client, --transport=jdk-pooled, 640",
        "w2, client, --transport=tyrus, 640",
        "w3, camel, --camel-api=sync, 40",
        "w3, camel, --camel-api=async, 40",
        "w3, client, --transport=jdk, 40",
        "w4, camel, --camel-api=sync, 50",
        "w4, client, --transport=jdk, 50",
    })
    void workloadRunsAndVerifiesEveryReply(String workload, String mode, String option, int n)
            throws Exception {
        String[] kv = option.split("=", 2);
        Map<String, Object> out =
                Main.run(
                        "--url",
                        JANUS.server().wsUrl(),
                        "--workload",
                        workload,
                        "--mode",
                        mode,
                        kv[0],
                        kv[1],
                        "--n",
                        String.valueOf(n),
                        "--warmup",
                        "0",
                        "--warmup-s",
                        "0",
                        "--duration-s",
                        "1",
                        "--timeout",
                        "60");

        assertThat(out)
                .containsEntry("workload", workload)
                .containsEntry("mode", mode)
                .containsEntry("n", n)
                .containsEntry("errors", 0)
                .containsKeys("p50_ms", "p99_ms", "max_ms", "cpu_us_per_op", "rss_mb");
        assertThat(out.get("client").toString()).startsWith("camel-janus-" + mode);
        if (!workload.equals("w4")) {
            assertThat((Double) out.get("ops_per_s")).isPositive();
        } else {
            assertThat(out).containsEntry("sessions_alive_at_end", n);
            assertThat((Double) out.get("heap_after_gc_mb")).isPositive();
        }
    }

    @Test
    void parseTimesBothReadersOnEveryKindOfFrameJanusSent() throws Exception {
        Map<String, Object> out =
                Main.run(
                        "--url",
                        JANUS.server().wsUrl(),
                        "--workload",
                        "parse",
                        "--rounds",
                        "1",
                        "--max-s",
                        "0.01");

        assertThat(out)
                .containsKeys(
                        "server_info",
                        "session_success",
                        "handle_success",
                        "message_ack",
                        "message_event",
                        "keepalive_ack");
        assertThat((Double) out.get("w2_pair_ratio")).isPositive();
    }
}
