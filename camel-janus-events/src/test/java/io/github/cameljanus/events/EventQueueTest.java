/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consumer's queue: order, one at a time, room only when there is room, nothing dropped. */
class EventQueueTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private static List<ObjectNode> events(int from, int to) {
        List<ObjectNode> list = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            list.add(JSON.createObjectNode().put("type", 1).put("n", i));
        }
        return list;
    }

    @Test
    void asynchronousDeliveriesStayInOrderOneAtATimeAndAFullQueueWaitsForRoom() throws Exception {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        List<EventQueue.DoneCallback> pending = new CopyOnWriteArrayList<>();
        EventQueue queue =
                new EventQueue(
                        3,
                        false,
                        executor,
                        (item, done) -> {
                            delivered.add(item.get(0).path("n").asInt());
                            pending.add(done);
                            return false; // completes later, like an async route
                        });

        assertThat(queue.offer(events(1, 3))).isDone();
        CompletableFuture<Void> full = queue.offer(events(4, 5));
        assertThat(full).isNotDone();
        assertThat(queue.waits()).isEqualTo(1);

        // one delivery at a time: the next starts once the previous is done
        for (int n = 1; n <= 5; n++) {
            int expected = n;
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> delivered.size() == expected && pending.size() == expected);
            assertThat(delivered).hasSize(n);
            if (n == 2) {
                assertThat(full).as("5 queued, 1 done: 4 > 3").isNotDone();
            }
            if (n == 3) {
                assertThat(full).as("2 done: 3 waiting, room").isDone();
            }
            pending.get(n - 1).done(false);
        }
        assertThat(delivered).containsExactly(1, 2, 3, 4, 5);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> queue.size() == 0);
    }

    @Test
    void anEventThatCannotBeDeliveredDoesNotStallTheOnesAfterIt() {
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        EventQueue queue =
                new EventQueue(
                        10,
                        false,
                        executor,
                        (item, done) -> {
                            int n = item.get(0).path("n").asInt();
                            if (n == 1) {
                                throw new IllegalStateException("cannot become an exchange");
                            }
                            delivered.add(n);
                            done.done(true);
                            return true;
                        });
        assertThat(queue.offer(events(1, 3))).isDone();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> delivered.size() == 2 && queue.size() == 0);
        assertThat(delivered).containsExactly(2, 3);
    }

    @Test
    void batchModeDeliversEachOfferAsOneItemAndCloseDropsWhatWaitsAndFreesThePushers() {
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        EventQueue queue =
                new EventQueue(
                        1,
                        true,
                        task -> {}, // nothing runs: everything waits
                        (item, done) -> {
                            sizes.add(item.size());
                            return true;
                        });
        CompletableFuture<Void> waiting = queue.offer(events(1, 4));
        assertThat(waiting).isNotDone();
        assertThat(queue.close()).isEqualTo(4);
        assertThat(waiting).isDone();
        assertThat(sizes).isEmpty();
    }
}
