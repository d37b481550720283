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

    private static final RequestOptions DEFAULTS = new RequestOptions(null, null, true, true);

    private final Duration timeout;
    private final String token;
    private final boolean awaitEvent;
    private final boolean failOnPluginError;

    private RequestOptions(
            Duration timeout, String token, boolean awaitEvent, boolean failOnPluginError) {
        this.timeout = timeout;
        this.token = token;
        this.awaitEvent = awaitEvent;
        this.failOnPluginError = failOnPluginError;
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
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError);
    }

    /**
     * Returns a copy that sends this token instead of the config's.
     *
     * @param token the token; null = the config's
     * @return the new options
     */
    public RequestOptions withToken(String token) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError);
    }

    /**
     * Returns a copy that, for an asynchronous plugin message, waits for the plugin's event (true,
     * the default) or completes on Janus's {@code ack} (false; the event then goes to listeners).
     *
     * @param awaitEvent whether to wait for the event
     * @return the new options
     */
    public RequestOptions withAwaitEvent(boolean awaitEvent) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError);
    }

    /**
     * Returns a copy that turns a plugin {@code error_code} into a {@link JanusPluginException}
     * (true, the default) or completes normally with the reply (false).
     *
     * @param failOnPluginError whether plugin errors fail the request
     * @return the new options
     */
    public RequestOptions withFailOnPluginError(boolean failOnPluginError) {
        return new RequestOptions(timeout, token, awaitEvent, failOnPluginError);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestOptions other
                && Objects.equals(timeout, other.timeout)
                && Objects.equals(token, other.token)
                && awaitEvent == other.awaitEvent
                && failOnPluginError == other.failOnPluginError;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, token, awaitEvent, failOnPluginError);
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
                + "]";
    }
}
