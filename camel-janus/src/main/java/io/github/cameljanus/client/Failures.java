/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a future's failure really was, for the client, its transports and the Camel layer. */
public final class Failures {

    private Failures() {}

    /**
     * The cause under every {@link CompletionException} and {@link ExecutionException} wrapper.
     *
     * @param error a failure a future completed with, or got from {@code get()}
     * @return the first cause that is not such a wrapper (the error itself when it is none)
     */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
