/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plugin-level error: the plugin answered (in a {@code success} or an {@code event}) with {@code
 * error_code} and {@code error} in its {@code plugindata.data}. Janus itself accepted the request.
 */
public class JanusPluginException extends JanusException {
    private static final long serialVersionUID = 1L;

    private final String plugin;

    @SuppressWarnings("serial") // the reply is diagnostic data; a deserialized copy may lose it
    private final transient JanusReply reply;

    /**
     * Creates the exception.
     *
     * @param plugin the plugin package, e.g. {@code janus.plugin.videoroom}
     * @param code the plugin's {@code error_code}
     * @param error the plugin's {@code error} text
     * @param reply the whole reply
     */
    public JanusPluginException(String plugin, int code, String error, JanusReply reply) {
        super(code, plugin + ": " + error);
        this.plugin = plugin;
        this.reply = reply;
    }

    /** Returns the plugin package that reported the error. */
    public String plugin() {
        return plugin;
    }

    /** Returns the plugin's {@code error} text. */
    public String error() {
        return reply == null ? reason() : reply.data().path("error").asText(reason());
    }

    /** Returns the plugin data ({@code plugindata.data}) of the reply. */
    public ObjectNode data() {
        return reply == null ? null : reply.data();
    }

    /** Returns the whole reply, so a caller can inspect it like a successful one. */
    public JanusReply reply() {
        return reply;
    }
}
