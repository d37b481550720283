/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport;

import java.nio.ByteBuffer;

/**
 * Receives what arrives on a {@link JanusTransport}. Calls for one transport never overlap and come
 * in arrival order; they must return quickly (the client only buffers, parses and hands off).
 */
public interface JanusTransportListener {

    /**
     * A text message or a fragment of one.
     *
     * @param fragment the text
     * @param last true for the last (or only) fragment of the message
     */
    void onText(CharSequence fragment, boolean last);

    /**
     * A binary message or a fragment of one (Janus parses binary frames as JSON too).
     *
     * @param fragment the bytes
     * @param last true for the last (or only) fragment of the message
     */
    void onBinary(ByteBuffer fragment, boolean last);

    /**
     * The socket closed (by either side, or abruptly: 1006).
     *
     * @param code the WebSocket close code
     * @param reason the close reason, maybe empty
     */
    void onClose(int code, String reason);

    /**
     * The socket failed; {@link #onClose(int, String)} may or may not follow.
     *
     * @param error the failure
     */
    void onError(Throwable error);
}
