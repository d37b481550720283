/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/** The WebSocket was lost (or never opened) before the final reply arrived. */
public class JanusConnectionLostException extends JanusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what happened
     */
    public JanusConnectionLostException(String reason) {
        super(reason);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason what happened
     * @param cause the cause, nullable
     */
    public JanusConnectionLostException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
