/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.SecretMasker;

/**
 * An event Janus pushed for a session or handle: a plugin {@code event} (with or without a
 * transaction), {@code webrtcup}, {@code media}, {@code slowlink}, {@code hangup}, {@code
 * detached}, {@code timeout}, {@code trickle}, any type unknown to this client under its own name,
 * or the synthetic {@link #SESSION_LOST}.
 */
public final class JanusEvent {

    /**
     * Synthetic type reported when Janus no longer knows a session (a keepalive answered by 458).
     * Its frame carries {@code session_id} and the {@code error} Janus sent.
     */
    public static final String SESSION_LOST = "sessionLost";

    private final ObjectNode frame;
    private final String knownPlugin;

    public JanusEvent(ObjectNode frame, String knownPlugin) {
        this.frame = frame;
        this.knownPlugin = knownPlugin;
    }

    /**
     * Returns the {@code janus} field: {@code event}, {@code webrtcup}, ..., or {@code
     * sessionLost}.
     */
    public String type() {
        return Frames.text(frame, "janus");
    }

    /** Returns the {@code session_id}, 0 if none. */
    public long sessionId() {
        return frame.path("session_id").asLong(0);
    }

    /** Returns the handle id (the {@code sender}), 0 if none. */
    public long handleId() {
        return frame.path("sender").asLong(0);
    }

    /** Returns the plugin from {@code plugindata}, else the handle's known plugin, else null. */
    public String plugin() {
        String plugin = Frames.text(frame.path("plugindata"), "plugin");
        return plugin != null ? plugin : knownPlugin;
    }

    /** Returns {@code plugindata.data} for plugin events, else null. */
    public ObjectNode data() {
        return Frames.object(frame.path("plugindata"), "data");
    }

    /** Returns the {@code jsep} object, null when absent. */
    public ObjectNode jsep() {
        return Frames.object(frame, "jsep");
    }

    /** Returns the transaction, null for unsolicited events. */
    public String transaction() {
        return Frames.text(frame, "transaction");
    }

    /** Returns the whole frame as received. */
    public ObjectNode frame() {
        return frame;
    }

    @Override
    public String toString() {
        return "JanusEvent[" + SecretMasker.mask(frame) + "]";
    }
}
