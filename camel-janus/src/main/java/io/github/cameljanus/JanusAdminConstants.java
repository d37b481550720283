/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import org.apache.camel.spi.Metadata;

/**
 * Header names of the {@code janus-admin:} component. The ids and the plugin are the {@code janus:}
 * component's own headers, so a route that got an event asks about its handle with the event's
 * headers unchanged.
 */
public final class JanusAdminConstants {

    @Metadata(
            label = "producer",
            description =
                    "The Admin API operation for this exchange (listSessions, handleInfo, ...);"
                            + " overrides the endpoint's operation option. Read once: removed"
                            + " when the request succeeds (kept when it fails, for a redelivery).",
            javaType = "io.github.cameljanus.client.JanusAdminOperation")
    public static final String ADMIN_OPERATION = "CamelJanusAdminOperation";

    @Metadata(
            label = "producer",
            description =
                    "The session a session- or handle-level operation addresses (destroySession,"
                            + " listHandles, handleInfo, ...; setSessionTimeout for one session);"
                            + " the sessionId option when absent. Global operations ignore it."
                            + " Replies leave it alone.",
            javaType = "Long")
    public static final String SESSION_ID = JanusConstants.SESSION_ID;

    @Metadata(
            label = "producer",
            description =
                    "The handle a handle-level operation addresses (handleInfo, startPcap,"
                            + " hangupWebrtc, detachHandle, ...); the handleId option when absent."
                            + " Replies leave it alone.",
            javaType = "Long")
    public static final String HANDLE_ID = JanusConstants.HANDLE_ID;

    @Metadata(
            label = "producer",
            description =
                    "The plugin messagePlugin addresses when its parameters name none (e.g."
                            + " janus.plugin.videoroom).",
            javaType = "String")
    public static final String PLUGIN = JanusConstants.PLUGIN;

    @Metadata(
            label = "producer",
            description =
                    "Deadline in milliseconds for this exchange's reply; overrides the"
                            + " requestTimeout option.",
            javaType = "Long")
    public static final String REQUEST_TIMEOUT = JanusConstants.REQUEST_TIMEOUT;

    private JanusAdminConstants() {}
}
