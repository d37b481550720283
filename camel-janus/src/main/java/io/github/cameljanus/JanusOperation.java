/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

/** What a {@code janus:} producer asks Janus to do. */
public enum JanusOperation {
    /** A plugin message (with an optional JSEP) on a handle. */
    message,
    /** One ICE candidate, a list of them, or end-of-candidates, on a handle. */
    trickle,
    /** Tear down a handle's PeerConnection, keeping the handle. */
    hangup,
    /** Detach a handle from its plugin. */
    detach,
    /** Attach a new handle to a plugin. */
    attach,
    /** Create a new session, owned by the endpoint's connection. */
    createSession,
    /** Destroy a session. */
    destroySession,
    /** Send one keepalive for a session. */
    keepalive,
    /** Claim a session for this connection. */
    claim,
    /** Ask Janus for its server info. */
    info,
    /** Ping Janus. */
    ping
}
