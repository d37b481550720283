/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.client.RequestOptions;
import io.github.cameljanus.client.engine.TransactionTableProperties.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transaction table without a socket: deadlines, limits, and racing threads. */
class TransactionTableTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void deadlineFailsWithTimeoutAndCancelsNothingLeft() {
        scheduler.setRemoveOnCancelPolicy(true);
        TransactionTable table = new TransactionTable(10, Runnable::run, scheduler);

        PendingRequest slot =
                table.register(
                        RequestKind.MESSAGE,
                        1,
                        2,
                        Duration.ofMillis(50),
                        RequestOptions.defaults());

        await().atMost(Duration.ofSeconds(5)).until(() -> slot.future().isDone());
        assertThat(slot.future())
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(JanusTimeoutException.class);
        assertThat(table.pendingCount()).isZero();
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void oneSweepServesEveryDeadlineOfATable() {
        scheduler.setRemoveOnCancelPolicy(true);
        TransactionTable table = new TransactionTable(10_000, Runnable::run, scheduler);
        for (int i = 0; i < 1_000; i++) {
            table.register(
                    RequestKind.MESSAGE, 1, 2, Duration.ofHours(1), RequestOptions.defaults());
        }

        assertThat(scheduler.getQueue()).hasSize(1);

        table.failAll(new JanusConnectionLostException("gone"));
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void aShorterDeadlineRegisteredLaterExpiresOnTime() {
        scheduler.setRemoveOnCancelPolicy(true);
        TransactionTable table = new TransactionTable(10, Runnable::run, scheduler);
        PendingRequest patient =
                table.register(
                        RequestKind.MESSAGE, 1, 2, Duration.ofHours(1), RequestOptions.defaults());
        PendingRequest hasty =
                table.register(
                        RequestKind.MESSAGE,
                        1,
                        2,
                        Duration.ofMillis(50),
                        RequestOptions.defaults());

        await().atMost(Duration.ofSeconds(5)).until(() -> hasty.future().isDone());
        assertThat(hasty.future())
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(JanusTimeoutException.class)
                .withMessageContaining("within 50 ms");
        assertThat(patient.future()).isNotDone();
        // The sweep armed itself again, for the hour-long deadline.
        assertThat(scheduler.getQueue()).hasSize(1);
        table.failAll(new JanusConnectionLostException("gone"));
    }

    @Test
    void aRequestRegisteredAfterTheTableWasDiscardedFailsAtOnce() {
        TransactionTable table = new TransactionTable(10, Runnable::run, scheduler);
        table.failAll(new JanusConnectionLostException("gone"));

        PendingRequest late =
                table.register(
                        RequestKind.MESSAGE, 1, 2, Duration.ofHours(1), RequestOptions.defaults());

        assertThat(late.future())
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(JanusConnectionLostException.class);
        assertThat(table.pendingCount()).isZero();
    }

    @Test
    void limitRefusesBeyondMaxButNotKeepalivesOrPings() {
        TransactionTable table = new TransactionTable(2, Runnable::run, scheduler);
        table.register(RequestKind.MESSAGE, 1, 2, Duration.ofHours(1), RequestOptions.defaults());
        table.register(RequestKind.MESSAGE, 1, 2, Duration.ofHours(1), RequestOptions.defaults());

        assertThatThrownBy(
                        () ->
                                table.register(
                                        RequestKind.ATTACH,
                                        1,
                                        0,
                                        Duration.ofHours(1),
                                        RequestOptions.defaults()))
                .isInstanceOf(JanusException.class)
                .hasMessageContaining("maxPendingRequests=2");
        table.register(RequestKind.KEEPALIVE, 1, 0, Duration.ofHours(1), RequestOptions.defaults());
        table.register(RequestKind.PING, 0, 0, Duration.ofHours(1), RequestOptions.defaults());
        assertThat(table.pendingCount()).isEqualTo(4);

        table.failAll(new JanusConnectionLostException("gone"));
        assertThat(table.pendingCount()).isZero();
    }

    @Test
    void transactionIdsAreUniqueAndShort() {
        TransactionTable table = new TransactionTable(100_000, Runnable::run, scheduler);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            PendingRequest slot =
                    table.register(
                            RequestKind.PING, 0, 0, Duration.ofHours(1), RequestOptions.defaults());
            ids.add(slot.transaction());
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.length() <= 4);
        table.failAll(new JanusClosedException("done"));
    }

    @Test
    void racingThreadsCompleteEverySlotExactlyOnce() throws Exception {
        Map<PendingRequest, AtomicInteger> completions = new ConcurrentHashMap<>();
        AtomicInteger executed = new AtomicInteger();
        TransactionTable table =
                new TransactionTable(
                        100_000,
                        task -> {
                            executed.incrementAndGet();
                            task.run();
                        },
                        scheduler);
        List<PendingRequest> slots = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            PendingRequest slot =
                    table.register(
                            RequestKind.MESSAGE,
                            11,
                            22,
                            Duration.ofHours(1),
                            RequestOptions.defaults());
            slots.add(slot);
            completions.put(slot, new AtomicInteger());
            var unused =
                    slot.future().whenComplete((r, e) -> completions.get(slot).incrementAndGet());
        }
        Step[] racers = {Step.ACK, Step.EVENT, Step.SUCCESS, Step.ERROR, Step.DEADLINE};
        ExecutorService threads = Executors.newFixedThreadPool(racers.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (Step step : racers) {
                threads.execute(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            List<PendingRequest> shuffled = new ArrayList<>(slots);
                            java.util.Collections.shuffle(shuffled, ThreadLocalRandom.current());
                            shuffled.forEach(
                                    slot -> TransactionTableProperties.apply(table, slot, step));
                        });
            }
            start.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }

        assertThat(executed).hasValue(2000);
        assertThat(completions.values()).allMatch(count -> count.get() == 1);
        assertThat(table.pendingCount()).isZero();
    }
}
