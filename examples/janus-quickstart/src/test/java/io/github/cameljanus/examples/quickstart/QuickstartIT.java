/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.testing.JanusServerExtension;
import io.github.cameljanus.testing.LiveThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart's own Camel Main against a real Janus and reads the JSON lines it writes. */
class QuickstartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension static final JanusServerExtension JANUS = JanusServerExtension.create();

    @TempDir Path dir;

    @Test
    void roomEventsBecomeJsonLines() throws Exception {
        Path file = dir.resolve("room-events.jsonl");
        Main main = quickstart(777001, file);
        try {
            main.start();
            awaitJoiningAndLeaving(file, 0, Duration.ofSeconds(20));
        } finally {
            main.stop();
        }

        List<JsonNode> lines = lines(file);
        assertThat(lines)
                .allSatisfy(
                        line -> {
                            assertThat(line.path("room").asLong()).isEqualTo(777001);
                            assertThat(line.path("time").asText()).isNotBlank();
                            assertThat(line.path("data").path("videoroom").asText()).isNotBlank();
                        });
        JsonNode joining =
                lines.stream()
                        .filter(line -> line.path("event").asText().equals("joining"))
                        .findFirst()
                        .orElseThrow();
        assertThat(joining.path("data").path("joining").path("display").asText())
                .isEqualTo("alice");

        // No thread of ours outlives the CamelContext.
        LiveThreads.awaitNone(
                "janus threads",
                name ->
                        name.toLowerCase(Locale.ROOT).contains("janus")
                                && !name.startsWith("camel-janus-testing"),
                Duration.ofSeconds(10));
    }

    @Test
    void afterAJanusRestartTheRoomAndTheMonitorAreSetUpAgainAndLinesContinue() throws Exception {
        Path file = dir.resolve("restart.jsonl");
        Main main = quickstart(777002, file);
        try {
            main.start();
            awaitJoiningAndLeaving(file, 0, Duration.ofSeconds(20));

            JANUS.server().restart(); // the room and the monitor's membership are gone
            int before = lines(file).size();

            // The managedHandleCreated hook creates the room and joins the monitor again.
            awaitJoiningAndLeaving(file, before, Duration.ofSeconds(30));
        } finally {
            main.stop();
        }
    }

    /** The quickstart's Camel Main on the test's Janus, for a room, writing its lines to file. */
    private static Main quickstart(int room, Path file) {
        Main main = QuickstartApp.newMain();
        main.addOverrideProperty("janus.url", JANUS.server().wsUrl());
        main.addOverrideProperty("quickstart.room", String.valueOf(room));
        main.addOverrideProperty("quickstart.visitor-period", "300");
        main.addOverrideProperty("quickstart.events-dir", file.getParent().toString());
        main.addOverrideProperty("quickstart.events-file", file.getFileName().toString());
        return main;
    }

    /** Waits until the lines after the first {@code from} have a joining and a leaving. */
    private static void awaitJoiningAndLeaving(Path file, int from, Duration atMost) {
        await().atMost(atMost)
                .untilAsserted(
                        () -> {
                            List<JsonNode> lines = lines(file);
                            assertThat(lines.subList(from, lines.size()))
                                    .extracting(line -> line.path("event").asText())
                                    .contains("joining", "leaving");
                        });
    }

    private static List<JsonNode> lines(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
