/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * The owner of the request (client, session or handle) was closed before the final reply arrived,
 * or the request was made on something already closed.
 */
public class JanusClosedException extends JanusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what happened
     */
    public JanusClosedException(String reason) {
        super(reason);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason what happened
     * @param cause the cause, nullable
     */
    public JanusClosedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /**
     * Creates the exception with the Janus code that made the owner end (e.g. 458 for a session
     * Janus no longer knows).
     *
     * @param code the Janus error code
     * @param reason what happened
     */
    public JanusClosedException(int code, String reason) {
        super(code, reason, null);
    }
}
