/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

/**
 * Base of every failure the client reports. Thrown as is for a Janus {@code error} reply, with the
 * code and reason Janus gave; subclasses cover plugin errors, deadlines, connection loss and
 * closing.
 */
public class JanusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The code used when Janus gave none. */
    public static final int NO_CODE = -1;

    private final int code;
    private final String reason;

    /**
     * A Janus {@code error} reply.
     *
     * @param code the Janus error code ({@link #NO_CODE} when none)
     * @param reason the reason text
     */
    public JanusException(int code, String reason) {
        this(code, reason, null);
    }

    /**
     * A failure with a code, a reason and a cause.
     *
     * @param code the Janus error code ({@link #NO_CODE} when none)
     * @param reason the reason text
     * @param cause the cause, nullable
     */
    public JanusException(int code, String reason, Throwable cause) {
        super(code == NO_CODE ? reason : code + " " + reason, cause);
        this.code = code;
        this.reason = reason;
    }

    /**
     * A failure Janus did not report (no code).
     *
     * @param reason what went wrong
     */
    public JanusException(String reason) {
        this(NO_CODE, reason, null);
    }

    /**
     * A failure Janus did not report (no code), with a cause.
     *
     * @param reason what went wrong
     * @param cause the cause, nullable
     */
    public JanusException(String reason, Throwable cause) {
        this(NO_CODE, reason, cause);
    }

    /** Returns the Janus (or plugin) error code, {@link #NO_CODE} when Janus gave none. */
    public int code() {
        return code;
    }

    /** Returns the reason text. */
    public String reason() {
        return reason;
    }
}
