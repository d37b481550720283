/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the fragments of one socket into whole JSON objects: buffers fragments until the last one
 * (Janus splits messages over 2800 bytes), discards messages over {@code maxMessageSize}, parses
 * each message once, and hands objects to the sink. Text and binary messages are both JSON, as
 * Janus treats them. A bad message is logged once (masked, truncated) and counted; nothing here
 * throws at the transport. Called by one thread at a time, in arrival order.
 */
final class FrameReader {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReader.class);
    private static final int LOGGED_CHARS = 200;

    private final int maxMessageSize;
    private final Counters counters;
    private final Consumer<ObjectNode> sink;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private long messageBytes;
    private boolean discarding;

    FrameReader(int maxMessageSize, Counters counters, Consumer<ObjectNode> sink) {
        this.maxMessageSize = maxMessageSize;
        this.counters = counters;
        this.sink = sink;
    }

    void onText(CharSequence fragment, boolean last) {
        if (admit(utf8Length(fragment), last)) {
            text.append(fragment);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                parse(message);
            }
        }
    }

    void onBinary(ByteBuffer fragment, boolean last) {
        if (admit(fragment.remaining(), last)) {
            byte[] bytes = new byte[fragment.remaining()];
            fragment.get(bytes);
            binary.write(bytes, 0, bytes.length);
            if (last) {
                String message = binary.toString(StandardCharsets.UTF_8);
                binary.reset();
                counters.binaryMessages.increment();
                LOG.debug(
                        "Janus sent a binary message ({} chars); parsing it as JSON",
                        message.length());
                parse(message);
            }
        }
    }

    /** Tracks the size of the message being assembled; false while it is being discarded. */
    private boolean admit(long fragmentBytes, boolean last) {
        if (!discarding) {
            messageBytes += fragmentBytes;
            if (messageBytes > maxMessageSize) {
                counters.oversizedMessages.increment();
                LOG.warn(
                        "Discarding a message from Janus larger than maxMessageSize ({} bytes)",
                        maxMessageSize);
                text.setLength(0);
                binary.reset();
                discarding = true;
            }
        }
        boolean keep = !discarding;
        if (last) {
            messageBytes = 0;
            discarding = false;
        }
        return keep;
    }

    private void parse(String message) {
        JsonNode node;
        try {
            node = Frames.MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            malformed(message, e.getOriginalMessage());
            return;
        }
        if (node instanceof ObjectNode frame) {
            if (LOG.isTraceEnabled()) {
                LOG.trace("<<< {}", SecretMasker.mask(frame));
            }
            sink.accept(frame);
        } else {
            malformed(message, "not a JSON object");
        }
    }

    private void malformed(String message, String problem) {
        counters.malformedFrames.increment();
        LOG.warn(
                "Ignoring a malformed message from Janus ({}): {}",
                problem,
                SecretMasker.maskText(message, LOGGED_CHARS));
    }

    private static long utf8Length(CharSequence chars) {
        long bytes = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
