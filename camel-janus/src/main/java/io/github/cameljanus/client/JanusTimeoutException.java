/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/** No final reply arrived before the request's deadline. */
public class JanusTimeoutException extends JanusException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason what happened
     */
    public JanusTimeoutException(String reason) {
        super(reason);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param reason what happened
     * @param cause the cause, nullable
     */
    public JanusTimeoutException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
