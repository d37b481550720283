/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Assembly, size limit and parsing of inbound messages, without a socket. */
class FrameReaderTest {

    private final Counters counters = new Counters();
    private final List<ObjectNode> frames = new ArrayList<>();

    private FrameReader reader(int maxMessageSize) {
        return new FrameReader(maxMessageSize, counters, frames::add);
    }

    @Test
    void parsesAWholeMessageFromAStringAndFromAHeapCharBufferSlice() {
        FrameReader reader = reader(1024);
        reader.onText("{\"janus\":\"ack\",\"n\":1}", true);
        // The JDK client hands over a CharBuffer that may be a window of a larger array.
        char[] array = "xx{\"janus\":\"ack\",\"n\":2}yy".toCharArray();
        CharBuffer window = CharBuffer.wrap(array, 2, array.length - 4).slice();
        reader.onText(window, true);

        assertThat(frames).extracting(f -> f.path("n").asInt()).containsExactly(1, 2);
        assertThat(window.remaining()).isEqualTo(array.length - 4);
    }

    @Test
    void assemblesFragmentsOfAnyCharSequence() {
        FrameReader reader = reader(1024);
        reader.onText(CharBuffer.wrap("{\"janus\":".toCharArray()), false);
        reader.onText("\"event\",", false);
        reader.onText(CharBuffer.wrap("\"n\":3}".toCharArray()), true);

        assertThat(frames)
                .singleElement()
                .satisfies(f -> assertThat(f.path("n").asInt()).isEqualTo(3));
    }

    @Test
    void theSizeLimitCountsUtf8BytesExactlyWhenTheCheapBoundWouldExceedIt() {
        // 26 chars, 6 of them 3 bytes long: 38 bytes, while the cheap bound 3 × 26 is 78.
        String message = "{\"janus\":\"e\",\"s\":\"€€€€€€\"}";
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        FrameReader reader = reader(bytes);
        reader.onText(message.substring(0, 10), false);
        reader.onText(CharBuffer.wrap(message.substring(10)), true);
        assertThat(frames).hasSize(1);

        FrameReader tight = reader(bytes - 1);
        tight.onText(message.substring(0, 10), false);
        tight.onText(message.substring(10), true);
        tight.onText(CharBuffer.wrap(message.toCharArray()), true);
        assertThat(frames).hasSize(1);
        assertThat(counters.oversizedMessages.sum()).isEqualTo(2);

        // After a discarded message the next one is counted afresh.
        tight.onText("{\"janus\":\"ack\"}", true);
        assertThat(frames).hasSize(2);
    }

    @Test
    void surrogatePairsCountFourBytes() {
        String message = "{\"s\":\"\uD83D\uDE00\uD83D\uDE00\"}"; // 8 + 8 bytes
        int bytes = message.getBytes(StandardCharsets.UTF_8).length;
        reader(bytes).onText(message, true);
        reader(bytes - 1).onText(message, true);

        assertThat(frames).hasSize(1);
        assertThat(counters.oversizedMessages.sum()).isOne();
    }

    @Test
    void malformedAndNonObjectMessagesAreCountedNotThrown() {
        FrameReader reader = reader(1024);
        reader.onText(CharBuffer.wrap("{\"janus\":".toCharArray()), true);
        reader.onText("[1,2]", true);
        reader.onText("", true);
        reader.onText(CharBuffer.wrap(new char[0]), true);
        reader.onText("{\"janus\":\"ack\"}", true);

        assertThat(counters.malformedFrames.sum()).isEqualTo(4);
        assertThat(frames).hasSize(1);
    }

    @Test
    void binaryMessagesAreJsonToo() {
        FrameReader reader = reader(1024);
        reader.onBinary(ByteBuffer.wrap("{\"janus\":".getBytes(StandardCharsets.UTF_8)), false);
        reader.onBinary(ByteBuffer.wrap("\"ack\"}".getBytes(StandardCharsets.UTF_8)), true);

        assertThat(frames)
                .singleElement()
                .satisfies(f -> assertThat(f.path("janus").asText()).isEqualTo("ack"));
        assertThat(counters.binaryMessages.sum()).isOne();
    }
}
