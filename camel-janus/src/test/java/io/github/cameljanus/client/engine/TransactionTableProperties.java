/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusPluginException;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.client.RequestOptions;
import io.github.cameljanus.client.fake.FakeJanus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any interleaving of replies, deadline, owner close and connection loss completes a slot exactly
 * once, with the outcome of the first thing that ends it, and leaves the table empty. The expected
 * outcome comes from a model written from the protocol reference, not from {@link RequestKind}.
 */
class TransactionTableProperties {

    private static final long SESSION = 11;
    private static final long HANDLE = 22;
    private static final Duration NEVER = Duration.ofHours(1);
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    enum Step {
        ACK,
        EVENT,
        PLUGIN_ERROR_EVENT,
        SUCCESS,
        SERVER_INFO,
        PONG,
        ERROR,
        DETACHED,
        DEADLINE,
        OWNER_CLOSED,
        CONNECTION_LOST
    }

    enum Outcome {
        SUCCESS,
        EVENT,
        ACK,
        ERROR,
        PLUGIN_ERROR,
        TIMEOUT,
        CLOSED,
        LOST
    }

    @Property(tries = 3000)
    void everyInterleavingCompletesExactlyOnceAndLeavesTheTableEmpty(
            @ForAll RequestKind kind,
            @ForAll boolean awaitEvent,
            @ForAll("steps") List<Step> steps) {
        AtomicInteger completions = new AtomicInteger();
        Executor countingExecutor =
                task -> {
                    completions.incrementAndGet();
                    task.run();
                };
        TransactionTable table = new TransactionTable(100, countingExecutor, SCHEDULER);
        PendingRequest slot =
                table.register(
                        kind,
                        SESSION,
                        HANDLE,
                        NEVER,
                        RequestOptions.defaults().withAwaitEvent(awaitEvent));

        for (Step step : steps) {
            apply(table, slot, step);
        }
        apply(table, slot, Step.DEADLINE);

        assertThat(completions).hasValue(1);
        assertThat(table.pendingCount()).isZero();
        assertThat(outcomeOf(slot)).isEqualTo(expected(kind, awaitEvent, steps));
    }

    @Property(tries = 500)
    void aFollowUpAfterAnEarlyFinalIsConsumedNotLate(
            @ForAll("earlyFinals") RequestKind kind, @ForAll boolean ownerClosedInBetween) {
        TransactionTable table = new TransactionTable(100, Runnable::run, SCHEDULER);
        PendingRequest slot =
                table.register(kind, SESSION, HANDLE, NEVER, RequestOptions.defaults());
        boolean detach = kind == RequestKind.DETACH;

        apply(table, slot, detach ? Step.DETACHED : Step.EVENT);
        if (ownerClosedInBetween) {
            apply(table, slot, Step.OWNER_CLOSED);
        }
        boolean consumed =
                table.onFrame(
                        slot.transaction(),
                        detach ? "success" : "ack",
                        frame(detach ? "success" : "ack", slot));

        assertThat(consumed).isTrue();
        assertThat(table.pendingCount()).isZero();
        assertThat(slot.future()).isCompleted();
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Arbitraries.of(Step.class).list().ofMinSize(0).ofMaxSize(8);
    }

    @Provide
    Arbitrary<RequestKind> earlyFinals() {
        return Arbitraries.of(RequestKind.MESSAGE, RequestKind.DETACH);
    }

    /** What the protocol reference says ends each request, independent of the implementation. */
    private static Outcome expected(RequestKind kind, boolean awaitEvent, List<Step> steps) {
        Set<Step> finals =
                switch (kind) {
                    case INFO -> Set.of(Step.SERVER_INFO);
                    case PING -> Set.of(Step.PONG);
                    case KEEPALIVE, TRICKLE -> Set.of(Step.ACK);
                    case MESSAGE ->
                            awaitEvent
                                    ? Set.of(Step.SUCCESS, Step.EVENT, Step.PLUGIN_ERROR_EVENT)
                                    : Set.of(
                                            Step.SUCCESS,
                                            Step.EVENT,
                                            Step.PLUGIN_ERROR_EVENT,
                                            Step.ACK);
                    case DETACH -> Set.of(Step.SUCCESS, Step.DETACHED);
                    default -> Set.of(Step.SUCCESS);
                };
        for (Step step : steps) {
            Outcome outcome =
                    switch (step) {
                        case ERROR -> Outcome.ERROR;
                        case DEADLINE -> Outcome.TIMEOUT;
                        case OWNER_CLOSED -> Outcome.CLOSED;
                        case CONNECTION_LOST -> Outcome.LOST;
                        case EVENT -> finals.contains(step) ? Outcome.EVENT : null;
                        case PLUGIN_ERROR_EVENT ->
                                finals.contains(step) ? Outcome.PLUGIN_ERROR : null;
                        case ACK -> finals.contains(step) ? Outcome.ACK : null;
                        default -> finals.contains(step) ? Outcome.SUCCESS : null;
                    };
            if (outcome != null) {
                return outcome;
            }
        }
        return Outcome.TIMEOUT;
    }

    private static Outcome outcomeOf(PendingRequest slot) {
        try {
            JanusReply reply = slot.future().getNow(null);
            assertThat(reply).isNotNull();
            return switch (reply.kind()) {
                case EVENT -> Outcome.EVENT;
                case ACK -> Outcome.ACK;
                case SUCCESS -> Outcome.SUCCESS;
            };
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JanusPluginException) {
                return Outcome.PLUGIN_ERROR;
            } else if (cause instanceof JanusTimeoutException) {
                return Outcome.TIMEOUT;
            } else if (cause instanceof JanusClosedException) {
                return Outcome.CLOSED;
            } else if (cause instanceof JanusConnectionLostException) {
                return Outcome.LOST;
            }
            assertThat(cause.getClass()).isEqualTo(JanusException.class);
            return Outcome.ERROR;
        }
    }

    static void apply(TransactionTable table, PendingRequest slot, Step step) {
        String txn = slot.transaction();
        switch (step) {
            case ACK -> table.onFrame(txn, "ack", frame("ack", slot));
            case EVENT -> table.onFrame(txn, "event", pluginFrame("event", slot, "{\"ok\":1}"));
            case PLUGIN_ERROR_EVENT ->
                    table.onFrame(
                            txn,
                            "event",
                            pluginFrame("event", slot, "{\"error_code\":425,\"error\":\"x\"}"));
            case SUCCESS -> table.onFrame(txn, "success", frame("success", slot));
            case SERVER_INFO -> table.onFrame(txn, "server_info", frame("server_info", slot));
            case PONG -> table.onFrame(txn, "pong", frame("pong", slot));
            case ERROR -> {
                ObjectNode error = frame("error", slot);
                error.putObject("error").put("code", 456).put("reason", "bad");
                table.onFrame(txn, "error", error);
            }
            case DETACHED ->
                    table.onDetached(
                            HANDLE,
                            FakeJanus.json("{\"janus\":\"detached\"}")
                                    .put("session_id", SESSION)
                                    .put("sender", HANDLE));
            case DEADLINE -> table.expire(slot);
            case OWNER_CLOSED -> table.failHandle(HANDLE, new JanusClosedException("closed"));
            case CONNECTION_LOST -> table.failAll(new JanusConnectionLostException("lost"));
        }
    }

    private static ObjectNode frame(String type, PendingRequest slot) {
        return FakeJanus.json("{}")
                .put("janus", type)
                .put("transaction", slot.transaction())
                .put("session_id", SESSION);
    }

    private static ObjectNode pluginFrame(String type, PendingRequest slot, String data) {
        ObjectNode frame = frame(type, slot).put("sender", HANDLE);
        frame.putObject("plugindata")
                .put("plugin", "janus.plugin.x")
                .set("data", FakeJanus.json(data));
        return frame;
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler =
                new ScheduledThreadPoolExecutor(
                        1,
                        task -> {
                            Thread thread = new Thread(task, "test-table-deadlines");
                            thread.setDaemon(true);
                            return thread;
                        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
