/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
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

    /** Size of the message being assembled: exact when exactCount, else an upper bound. */
    private long messageBytes;

    private boolean exactCount;
    private boolean discarding;

    FrameReader(int maxMessageSize, Counters counters, Consumer<ObjectNode> sink) {
        this.maxMessageSize = maxMessageSize;
        this.counters = counters;
        this.sink = sink;
    }

    void onText(CharSequence fragment, boolean last) {
        if (admit(discarding ? 0 : textBytes(fragment), last)) {
            if (last && text.length() == 0) {
                parse(fragment); // a whole message in one fragment: parsed in place, no copy
                return;
            }
            text.append(fragment);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                parse(message);
            }
        }
    }

    /**
     * The UTF-8 size of a text fragment for the size check. A char is at most 3 UTF-8 bytes (a
     * surrogate pair, 2 chars, is 4), so 3 × length is an upper bound: the chars are only counted
     * exactly once that bound could exceed maxMessageSize (then the buffered fragments too).
     */
    private long textBytes(CharSequence fragment) {
        long bound = 3L * fragment.length();
        if (!exactCount) {
            if (messageBytes + bound <= maxMessageSize) {
                return bound;
            }
            messageBytes = utf8Length(text);
            exactCount = true;
        }
        return utf8Length(fragment);
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
            exactCount = false;
            discarding = false;
        }
        return keep;
    }

    private void parse(CharSequence message) {
        JsonNode node;
        try {
            node = readTree(message);
        } catch (JsonProcessingException e) {
            malformed(message, e.getOriginalMessage());
            return;
        } catch (IOException e) {
            malformed(message, e.toString()); // in-memory input: not expected
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

    /** Parses a String, and a heap CharBuffer (the JDK client's) from its array, uncopied. */
    private static JsonNode readTree(CharSequence message) throws IOException {
        if (message instanceof CharBuffer buffer && buffer.hasArray()) {
            return Frames.read(
                    buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        }
        char[] chars = message.toString().toCharArray();
        return Frames.read(chars, 0, chars.length);
    }

    private void malformed(CharSequence message, String problem) {
        counters.malformedFrames.increment();
        LOG.warn(
                "Ignoring a malformed message from Janus ({}): {}",
                problem,
                SecretMasker.maskText(message.toString(), LOGGED_CHARS));
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
