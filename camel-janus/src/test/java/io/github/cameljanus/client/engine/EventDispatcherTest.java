/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionListener;
import io.github.cameljanus.client.JanusEvent;
import io.github.cameljanus.client.JanusEventListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The event lanes alone: order per session, asynchronous listeners, failures, connection order. */
class EventDispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final EventDispatcher dispatcher =
            new EventDispatcher(pool, 1000, new Counters(), () -> false);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static JanusEvent event(long session, int seq) {
        ObjectNode frame = Frames.frame("event").put("session_id", session).put("seq", seq);
        return new JanusEvent(frame, null);
    }

    private void submit(long session, int seq, JanusEventListener listener) {
        dispatcher.submit(session, event(session, seq), List.of(List.of(listener)), null);
    }

    private static int seq(JanusEvent event) {
        return event.frame().path("seq").asInt();
    }

    @Test
    void aSessionsNextEventWaitsForTheAsynchronousListenerWithoutHoldingAThread() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        JanusEventListener async =
                new JanusEventListener() {
                    @Override
                    public void onEvent(JanusEvent event) {}

                    @Override
                    public CompletionStage<?> onEventAsync(JanusEvent event) {
                        seen.add(seq(event));
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        pending.add(done);
                        return done;
                    }
                };
        for (int i = 1; i <= 3; i++) {
            submit(7, i, async);
        }
        await().atMost(WAIT).until(() -> seen.size() == 1);
        // The lane waits for the stage and holds no thread: both pool threads are idle.
        await().atMost(WAIT).until(() -> ((ThreadPoolExecutor) pool).getActiveCount() == 0);
        assertThat(seen).containsExactly(1);

        pending.get(0).complete(null);
        await().atMost(WAIT).until(() -> seen.size() == 2);
        pending.get(1).complete(null);
        await().atMost(WAIT).until(() -> seen.size() == 3);
        pending.get(2).complete(null);

        assertThat(seen).containsExactly(1, 2, 3);
        await().atMost(WAIT).until(() -> dispatcher.activeLanes() == 0);
    }

    @Test
    void aSlowSessionHoldsBackOnlyItself() {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        JanusEventListener listener =
                new JanusEventListener() {
                    @Override
                    public void onEvent(JanusEvent event) {}

                    @Override
                    public CompletionStage<?> onEventAsync(JanusEvent event) {
                        seen.add(event.sessionId() + ":" + seq(event));
                        return event.sessionId() == 1 ? slow : null;
                    }
                };
        submit(1, 1, listener);
        submit(1, 2, listener);
        for (int session = 2; session <= 70; session++) {
            submit(session, 1, listener);
        }

        await().atMost(WAIT).until(() -> seen.size() == 70);
        assertThat(seen).doesNotContain("1:2");
        slow.complete(null);
        await().atMost(WAIT).until(() -> seen.contains("1:2"));
    }

    @Test
    void anErrorThrownByAListenerDoesNotStopItsLane() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        JanusEventListener failing =
                event -> {
                    seen.add(seq(event));
                    if (seq(event) == 1) {
                        throw new AssertionError("an Error, not a RuntimeException");
                    }
                };
        submit(5, 1, failing);
        submit(5, 2, failing);

        await().atMost(WAIT).until(() -> seen.size() == 2);
        assertThat(seen).containsExactly(1, 2);
    }

    @Test
    void connectionChangesReachListenersInOrderOnAMultiThreadPool() {
        List<String> heard = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> slowDown = new CompletableFuture<>();
        JanusConnectionListener listener =
                new JanusConnectionListener() {
                    @Override
                    public CompletionStage<?> onConnectedAsync(URI address) {
                        heard.add("connected " + address.getPort());
                        return address.getPort() == 1 ? slowDown : null;
                    }

                    @Override
                    public void onDisconnected(Throwable reason) {
                        heard.add("disconnected");
                    }
                };
        for (int round = 1; round <= 20; round++) {
            dispatcher.connected(List.of(listener), URI.create("ws://127.0.0.1:" + round));
            dispatcher.disconnected(List.of(listener), new JanusClosedException("x"));
        }
        await().atMost(WAIT).until(() -> heard.size() == 1);
        slowDown.complete(null);

        await().atMost(WAIT).until(() -> heard.size() == 40);
        for (int round = 1; round <= 20; round++) {
            assertThat(heard.get(2 * (round - 1))).isEqualTo("connected " + round);
            assertThat(heard.get(2 * round - 1)).isEqualTo("disconnected");
        }
    }
}
