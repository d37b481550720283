/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static io.github.cameljanus.client.fake.FakeJanus.PLUGIN;
import static io.github.cameljanus.client.fake.FakeJanus.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the client tests, against the fake and against a real Janus, share. */
final class ClientTestSupport {

    private ClientTestSupport() {}

    /**
     * Returns the result of a client future; a failure or no result within {@code wait} fails the
     * test with an AssertionError that says which.
     */
    static <T> T get(CompletableFuture<T> future, Duration wait) {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("request failed", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no result within " + wait, e);
        }
    }

    /**
     * Returns the exception a client future failed with, asserting its type; a result or no
     * completion within {@code wait} fails the test.
     */
    static <E extends Throwable> E failure(
            CompletableFuture<?> future, Class<E> type, Duration wait) {
        try {
            Object value = future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
            return type.cast(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("not completed within " + wait, e);
        }
    }

    /** Returns the names of the live threads the client itself created. */
    static List<String> janusThreads() {
        return NoThreadLeaks.leakedThreads().stream().filter(n -> n.startsWith("janus-")).toList();
    }

    /**
     * Returns an event the fake's plugin pushes to a handle on its own, outside any transaction,
     * with {@code {"n": n}} as its data.
     */
    static ObjectNode pushedEvent(JanusHandle handle, int n) {
        ObjectNode event =
                json("{\"janus\":\"event\"}")
                        .put("session_id", handle.session().id())
                        .put("sender", handle.id());
        event.putObject("plugindata").put("plugin", PLUGIN).putObject("data").put("n", n);
        return event;
    }
}
