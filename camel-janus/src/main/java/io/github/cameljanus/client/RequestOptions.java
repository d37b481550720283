/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-request options, immutable: start from {@link #defaults()} and derive with the {@code
 * with...} methods.
 */
public final class RequestOptions {

    private static final RequestOptions DEFAULTS =
            new RequestOptions(null, null, true, true, false);

    private final Duration timeout;
    private final String token;
    private final boolean awaitEvent;
    private final boolean failOnPluginError;
    private final boolean inlineCompletion;

    private RequestOptions(
            Duration timeout,
            String token,
            boolean awaitEvent,
            boolean failOnPluginError,
            boolean inlineCompletion) {
        this.timeout = timeout;
        this.token = token;
        this.awaitEvent = awaitEvent;
        this.failOnPluginError = failOnPluginError;
        this.inlineCompletion = inlineCompletion;
    }

    /** Returns the defaults: config timeout and token, await the event, fail on plugin errors. */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a copy with this deadline.
     *
     * @param timeout the time to wait for the final reply; null = the config's {@code
     *     requestTimeout}
     * @return the new options
     */
    public RequestOptions withTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    /**
     * Returns a copy that sends this token instead of the config's.
     *
     * @param token the token; null = the config's
     * @return the new options
     */
    public RequestOptions withToken(String token) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    /**
     * Returns a copy that, for an asynchronous plugin message, waits for the plugin's event (true,
     * the default) or completes on Janus's {@code ack} (false; the event then goes to listeners).
     *
     * @param awaitEvent whether to wait for the event
     * @return the new options
     */
    public RequestOptions withAwaitEvent(boolean awaitEvent) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    /**
     * Returns a copy that turns a plugin {@code error_code} into a {@link JanusPluginException}
     * (true, the default) or completes normally with the reply (false).
     *
     * @param failOnPluginError whether plugin errors fail the request
     * @return the new options
     */
    public RequestOptions withFailOnPluginError(boolean failOnPluginError) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    /**
     * Returns a copy whose future completes on the connection's reader thread, straight from the
     * reply, instead of on the completion executor: for a caller that blocks on it ({@code get},
     * {@code join}) and attaches no stage of its own, one thread hand-off less per request. Any
     * stage attached to such a future runs on the reader, where it delays every other reply of the
     * connection: attach none.
     *
     * @param inlineCompletion whether to complete on the reader thread
     * @return the new options
     */
    public RequestOptions withInlineCompletion(boolean inlineCompletion) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    /** Returns the deadline, null = the config's {@code requestTimeout}. */
    public Duration timeout() {
        return timeout;
    }

    /** Returns the per-request token, null = the config's. */
    public String token() {
        return token;
    }

    /** Returns whether an asynchronous plugin message waits for the plugin's event. */
    public boolean awaitEvent() {
        return awaitEvent;
    }

    /** Returns whether a plugin {@code error_code} fails the request. */
    public boolean failOnPluginError() {
        return failOnPluginError;
    }

    /** Returns whether the future completes on the reader thread (no hand-off). */
    public boolean inlineCompletion() {
        return inlineCompletion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOptions other
                && Objects.equals(timeout, other.timeout)
                && Objects.equals(token, other.token)
                && awaitEvent == other.awaitEvent
                && failOnPluginError == other.failOnPluginError
                && inlineCompletion == other.inlineCompletion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, token, awaitEvent, failOnPluginError, inlineCompletion);
    }

    @Override
    public String toString() {
        return "RequestOptions[timeout="
                + timeout
                + ", token="
                + (token == null ? "null" : "***")
                + ", awaitEvent="
                + awaitEvent
                + ", failOnPluginError="
                + failOnPluginError
                + ", inlineCompletion="
                + inlineCompletion
                + "]";
    }
}
