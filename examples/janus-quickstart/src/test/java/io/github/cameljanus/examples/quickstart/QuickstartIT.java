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
        Main main = QuickstartApp.newMain();
        main.addOverrideProperty("janus.url", JANUS.server().wsUrl());
        main.addOverrideProperty("quickstart.room", "777001");
        main.addOverrideProperty("quickstart.visitor-period", "300");
        main.addOverrideProperty("quickstart.events-dir", dir.toString());
        Path file = dir.resolve("room-events.jsonl");
        try {
            main.start();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertThat(lines(file))
                                            .extracting(line -> line.path("event").asText())
                                            .contains("joining", "leaving"));
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
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(Thread.getAllStackTraces().keySet())
                                        .extracting(Thread::getName)
                                        .filteredOn(
                                                name ->
                                                        name.toLowerCase(Locale.ROOT)
                                                                        .contains("janus")
                                                                && !name.startsWith(
                                                                        "camel-janus-testing"))
                                        .isEmpty());
    }

    @Test
    void afterAJanusRestartTheRoomAndTheMonitorAreSetUpAgainAndLinesContinue() throws Exception {
        Main main = QuickstartApp.newMain();
        main.addOverrideProperty("janus.url", JANUS.server().wsUrl());
        main.addOverrideProperty("quickstart.room", "777002");
        main.addOverrideProperty("quickstart.visitor-period", "300");
        main.addOverrideProperty("quickstart.events-dir", dir.toString());
        main.addOverrideProperty("quickstart.events-file", "restart.jsonl");
        Path file = dir.resolve("restart.jsonl");
        try {
            main.start();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(
                            () ->
                                    assertThat(lines(file))
                                            .extracting(line -> line.path("event").asText())
                                            .contains("joining", "leaving"));

            JANUS.server().restart(); // the room and the monitor's membership are gone
            int before = lines(file).size();

            // The managedHandleCreated hook creates the room and joins the monitor again.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () ->
                                    assertThat(lines(file).subList(before, lines(file).size()))
                                            .extracting(line -> line.path("event").asText())
                                            .contains("joining", "leaving"));
        } finally {
            main.stop();
        }
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
