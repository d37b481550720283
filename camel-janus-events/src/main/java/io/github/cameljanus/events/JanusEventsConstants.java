/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import io.github.cameljanus.JanusConstants;
import org.apache.camel.spi.Metadata;

/**
 * Header names of the {@code janus-events:} component. The ids, the plugin, the opaque id and the
 * event type are the {@code janus:} component's own headers, so a route that got an event asks
 * {@code janus-admin:} about its handle with the event's headers unchanged.
 */
public final class JanusEventsConstants {

    @Metadata(
            description =
                    "The event's type: session, handle, external, jsep, webrtc, media, plugin,"
                            + " transport or core.",
            javaType = "String")
    public static final String EVENT_TYPE = JanusConstants.EVENT_TYPE;

    @Metadata(
            description =
                    "The event's subtype, where Janus gives one: startup and shutdown (core);"
                            + " ice, local-candidate, remote-candidate, selected-pair, dtls and"
                            + " connection (webrtc); state, slowlink and stats (media).",
            javaType = "String")
    public static final String EVENT_SUBTYPE = "CamelJanusEventSubtype";

    @Metadata(description = "The Janus session the event is about.", javaType = "Long")
    public static final String SESSION_ID = JanusConstants.SESSION_ID;

    @Metadata(description = "The Janus handle the event is about.", javaType = "Long")
    public static final String HANDLE_ID = JanusConstants.HANDLE_ID;

    @Metadata(
            description = "The opaque id of the event's handle, when it has one.",
            javaType = "String")
    public static final String OPAQUE_ID = JanusConstants.OPAQUE_ID;

    @Metadata(
            description = "The plugin of a handle or plugin event, e.g. janus.plugin.videoroom.",
            javaType = "String")
    public static final String PLUGIN = JanusConstants.PLUGIN;

    @Metadata(
            description =
                    "The Janus that sent the event: its server_name in janus.jcfg, which tells"
                            + " servers pushing to one listener apart.",
            javaType = "String")
    public static final String EMITTER = "CamelJanusEmitter";

    @Metadata(
            description = "When Janus made the event, in microseconds since the epoch.",
            javaType = "Long")
    public static final String TIMESTAMP = "CamelJanusTimestamp";

    private JanusEventsConstants() {}
}
