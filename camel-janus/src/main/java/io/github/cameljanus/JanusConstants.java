/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import org.apache.camel.spi.Metadata;

/** Header names of the {@code janus:} component. */
public final class JanusConstants {

    @Metadata(
            label = "producer",
            description =
                    "The producer operation for this exchange; overrides the endpoint's operation"
                            + " option. Read once: removed when the request succeeds, so the next"
                            + " janus: endpoint uses its own (kept when it fails, for a"
                            + " redelivery).",
            javaType = "io.github.cameljanus.JanusOperation")
    public static final String OPERATION = "CamelJanusOperation";

    @Metadata(
            description =
                    "Janus session id. Producer: the session a request addresses (the managed"
                            + " session when absent); set by createSession and attach, removed by"
                            + " destroySession, left alone by other replies. Consumer: the session"
                            + " the event belongs to.",
            javaType = "Long")
    public static final String SESSION_ID = "CamelJanusSessionId";

    @Metadata(
            description =
                    "Janus handle id. Producer: the handle a request addresses (the managed handle"
                            + " when absent); set by attach, removed by createSession, detach and"
                            + " destroySession, left alone by other replies. Consumer: the handle"
                            + " (the Janus sender) the event comes from.",
            javaType = "Long")
    public static final String HANDLE_ID = "CamelJanusHandleId";

    @Metadata(
            description =
                    "Plugin package, e.g. janus.plugin.videoroom. Producer: the plugin an attach"
                            + " uses (the plugin option when absent). Consumer: the plugin of the"
                            + " event's handle. Replies do not set it.",
            javaType = "String")
    public static final String PLUGIN = "CamelJanusPlugin";

    @Metadata(
            description =
                    "A JSEP (type and sdp). Producer: sent with a message, read once (removed"
                            + " when the request succeeds). InOut replies: the answer's JSEP, when"
                            + " it has one. Events: the JSEP Janus sent, as a Map.",
            javaType = "Object")
    public static final String JSEP = "CamelJanusJsep";

    @Metadata(
            label = "consumer",
            description =
                    "The Janus event type: event, webrtcup, media, slowlink, hangup, detached,"
                            + " timeout, trickle, and the component's own connected,"
                            + " connectionLost, sessionLost, managedHandleCreated.",
            javaType = "String")
    public static final String EVENT_TYPE = "CamelJanusEventType";

    @Metadata(
            description =
                    "The Janus transaction id of the request (on InOut replies) or of the request"
                            + " an event answers (on events, when Janus sent one).",
            javaType = "String")
    public static final String TRANSACTION = "CamelJanusTransaction";

    @Metadata(
            label = "producer",
            description =
                    "A Janus stored or signed token for this exchange only; overrides the token"
                            + " option.",
            javaType = "String",
            secret = true)
    public static final String TOKEN = "CamelJanusToken";

    @Metadata(
            label = "producer",
            description =
                    "Deadline in milliseconds for this exchange's final reply; overrides the"
                            + " requestTimeout option.",
            javaType = "Long")
    public static final String REQUEST_TIMEOUT = "CamelJanusRequestTimeout";

    @Metadata(
            label = "producer",
            description =
                    "Opaque id sent on attach for this exchange; overrides the opaqueId option.",
            javaType = "String")
    public static final String OPAQUE_ID = "CamelJanusOpaqueId";

    private JanusConstants() {}
}
