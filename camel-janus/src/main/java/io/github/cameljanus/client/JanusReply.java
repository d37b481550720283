/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.SecretMasker;

/**
 * The final reply to a request, with how it completed: for a plugin {@code message} a synchronous
 * {@code success}, an asynchronous {@code event}, or the {@code ack} when the caller asked not to
 * wait for the event; for the other requests the frame that ended them ({@code success}, {@code
 * server_info}, {@code pong}, {@code ack}).
 */
public final class JanusReply {

    /** How the request completed. */
    public enum Kind {
        /** A synchronous plugin reply ({@code janus: success} with plugindata). */
        SUCCESS,
        /** An asynchronous plugin reply ({@code janus: event} with the request's transaction). */
        EVENT,
        /** The {@code ack}, when the request was made with {@code awaitEvent=false}. */
        ACK
    }

    private final Kind kind;
    private final ObjectNode frame;

    public JanusReply(Kind kind, ObjectNode frame) {
        this.kind = kind;
        this.frame = frame;
    }

    /** Returns how the request completed. */
    public Kind kind() {
        return kind;
    }

    /** Returns the plugin package from {@code plugindata.plugin}, null when absent (an ack). */
    public String plugin() {
        return Frames.text(frame.path("plugindata"), "plugin");
    }

    /** Returns {@code plugindata.data}, null for an ack. */
    public ObjectNode data() {
        return Frames.object(frame.path("plugindata"), "data");
    }

    /** Returns the {@code jsep} object, null when absent. */
    public ObjectNode jsep() {
        return Frames.object(frame, "jsep");
    }

    /** Returns the transaction id the reply answers. */
    public String transaction() {
        return Frames.text(frame, "transaction");
    }

    /** Returns the {@code session_id}, 0 when absent. */
    public long sessionId() {
        return frame.path("session_id").asLong(0);
    }

    /** Returns the handle id ({@code sender}), 0 when absent (an ack). */
    public long handleId() {
        return frame.path("sender").asLong(0);
    }

    /** Returns the whole frame as received. */
    public ObjectNode frame() {
        return frame;
    }

    /** Returns true when the plugin data carries an {@code error_code}. */
    public boolean isPluginError() {
        JsonNode data = frame.path("plugindata").path("data");
        return data.has("error_code");
    }

    @Override
    public String toString() {
        return "JanusReply[" + kind + ", " + SecretMasker.mask(frame) + "]";
    }
}
