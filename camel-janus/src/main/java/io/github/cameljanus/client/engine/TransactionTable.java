/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusClient;
import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusPluginException;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.JanusTimeoutException;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The requests of one connection waiting for their final reply: transaction id to slot {owner
 * (session/handle ids), kind, deadline, future}. Each slot completes exactly once, by the first of:
 * its final frame (per {@link RequestKind.Completion}), an {@code error}, its deadline, or a
 * failure of its owner or the connection. Futures are completed on the completion executor. The
 * client gives an executor that runs in place (the reader, the deadline sweep, the failing thread):
 * no pool a caller can block is needed for a request to complete, and callers receive their futures
 * through the client's completion executor ({@link JanusClient}), never on the socket's thread.
 * Usable without a socket.
 *
 * <p>Deadlines: one sweep per table, armed at the earliest deadline of its open slots, expires what
 * is due and arms itself again for the next one. A timer per request cost a scheduler task and two
 * heap updates under the scheduler's lock per request (contended by every sender and the reader);
 * with one sweep a request usually only reads one volatile field.
 */
public final class TransactionTable {

    private final Map<String, PendingRequest> slots = new ConcurrentHashMap<>();
    private final Map<Long, PendingRequest> detachByHandle = new ConcurrentHashMap<>();
    private final AtomicLong lastTransaction = new AtomicLong();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxPendingRequests;
    private final Executor completionExecutor;
    private final ScheduledExecutorService scheduler;

    /** When the armed sweep runs (nanoTime), Long.MAX_VALUE when none is armed. */
    private volatile long sweepAt = Long.MAX_VALUE;

    private ScheduledFuture<?> sweep; // guarded by sweepLock
    private JanusException discardedBy; // guarded by sweepLock: failAll ran with it, never arm
    private final Object sweepLock = new Object();

    public TransactionTable(
            int maxPendingRequests,
            Executor completionExecutor,
            ScheduledExecutorService scheduler) {
        this.maxPendingRequests = maxPendingRequests;
        this.completionExecutor = completionExecutor;
        this.scheduler = scheduler;
    }

    /**
     * Opens a slot with a fresh transaction id and arms its deadline.
     *
     * @throws JanusException when {@code maxPendingRequests} slots are open (keepalive and ping are
     *     exempt)
     * @throws JanusClosedException when the scheduler no longer accepts deadlines
     */
    public PendingRequest register(
            RequestKind kind,
            long sessionId,
            long handleId,
            Duration timeout,
            RequestOptions options) {
        int open = size.incrementAndGet();
        if (open > maxPendingRequests && !kind.exemptFromLimit()) {
            size.decrementAndGet();
            throw new JanusException(
                    "too many pending requests (maxPendingRequests="
                            + maxPendingRequests
                            + "): "
                            + kind.verb()
                            + " refused");
        }
        String transaction = Long.toString(lastTransaction.incrementAndGet(), 36);
        PendingRequest slot =
                new PendingRequest(transaction, kind, sessionId, handleId, options, timeout);
        slots.put(transaction, slot);
        if (kind == RequestKind.DETACH) {
            detachByHandle.put(handleId, slot);
        }
        // The put comes first: a sweep that starts after the read below sees the slot.
        if (slot.deadline < sweepAt) {
            JanusException refused = arm(slot.deadline);
            if (refused != null) {
                fail(slot, refused);
                return slot;
            }
        }
        CompletableFuture<?> unused =
                slot.future.whenComplete(
                        (reply, error) -> {
                            if (error instanceof CancellationException) {
                                discard(slot);
                            }
                        });
        return slot;
    }

    /**
     * Offers a frame that carries a transaction.
     *
     * @param type the frame's {@code janus} field
     * @return true when a slot took it (completed, progressed, or a follow-up it expected); false
     *     for an unknown transaction, or an event no slot waits for (it belongs to listeners)
     */
    public boolean onFrame(String transaction, String type, ObjectNode frame) {
        PendingRequest slot = slots.get(transaction);
        return slot != null && accept(slot, type, frame);
    }

    /**
     * Offers a handle's {@code detached} event, which completes that handle's {@code detach} when
     * it beats the {@code success}.
     *
     * @return true when a detach was waiting for it
     */
    public boolean onDetached(long handleId, ObjectNode frame) {
        PendingRequest slot = detachByHandle.get(handleId);
        return slot != null && accept(slot, "detached", frame);
    }

    /**
     * Fails every pending request of a session (and its handles). Completed requests still
     * expecting a follow-up keep their marker: that frame may still come on this socket.
     */
    public void failSession(long sessionId, JanusException failure) {
        failWhere(slot -> slot.sessionId == sessionId, failure, false);
    }

    /** Fails every pending request of a handle; keeps follow-up markers (see failSession). */
    public void failHandle(long handleId, JanusException failure) {
        failWhere(slot -> slot.handleId == handleId, failure, false);
    }

    /** Fails every pending request and drops every marker, and disarms: the socket is gone. */
    void failAll(JanusException failure) {
        synchronized (sweepLock) {
            discardedBy = failure;
            if (sweep != null) {
                sweep.cancel(false);
                sweep = null;
            }
            sweepAt = Long.MAX_VALUE;
        }
        failWhere(slot -> true, failure, true);
    }

    /** Returns how many slots are open (including completed ones still expecting a follow-up). */
    public int pendingCount() {
        return size.get();
    }

    /** The deadline passed: fails a pending slot, forgets a follow-up marker. */
    void expire(PendingRequest slot) {
        fail(
                slot,
                new JanusTimeoutException(
                        "no reply to " + slot + " within " + slot.timeout.toMillis() + " ms"));
    }

    /**
     * Arms the sweep at {@code deadline} unless one is armed earlier.
     *
     * @return null, or why a slot with this deadline cannot wait here: the table was discarded
     *     (failAll) or the scheduler refused the sweep (the client is closing)
     */
    private JanusException arm(long deadline) {
        synchronized (sweepLock) {
            if (discardedBy != null) {
                return discardedBy;
            }
            if (deadline >= sweepAt) {
                return null;
            }
            try {
                ScheduledFuture<?> next =
                        scheduler.schedule(
                                this::sweep,
                                Math.max(0, deadline - System.nanoTime()),
                                TimeUnit.NANOSECONDS);
                if (sweep != null) {
                    sweep.cancel(false);
                }
                sweep = next;
                sweepAt = deadline;
                return null;
            } catch (RejectedExecutionException e) {
                return new JanusClosedException("client is closed", e);
            }
        }
    }

    /** Expires every slot whose deadline passed, then arms for the earliest one left. */
    private void sweep() {
        synchronized (sweepLock) {
            sweep = null;
            sweepAt = Long.MAX_VALUE; // from here on, register arms again (see register)
        }
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (PendingRequest slot : slots.values()) {
            if (slot.deadline - now <= 0) {
                expire(slot);
            } else {
                next = Math.min(next, slot.deadline);
            }
        }
        if (next != Long.MAX_VALUE) {
            JanusException refused = arm(next);
            if (refused != null) {
                failAll(refused);
            }
        }
    }

    /** Fails a slot if it is still pending; drops it from the table in any case. */
    public void fail(PendingRequest slot, JanusException failure) {
        fail(slot, failure, true);
    }

    private void fail(PendingRequest slot, JanusException failure, boolean dropMarker) {
        synchronized (slot) {
            boolean pending = slot.state == PendingRequest.State.PENDING;
            if (!pending && !(dropMarker && slot.state != PendingRequest.State.DONE)) {
                return;
            }
            remove(slot);
            if (!pending) {
                return;
            }
        }
        complete(slot, null, failure);
    }

    private boolean accept(PendingRequest slot, String type, ObjectNode frame) {
        JanusReply reply;
        RuntimeException failure;
        synchronized (slot) {
            switch (slot.state) {
                case DONE:
                    return false;
                case AWAITING_FOLLOW_UP:
                    if (type.equals(slot.followUp)) {
                        remove(slot);
                        return true;
                    }
                    return false;
                case PENDING:
                default:
                    break;
            }
            RequestKind.Completion completion = slot.kind.completion();
            boolean provisional = type.equals(completion.provisional);
            if ("error".equals(type)) {
                reply = null;
                failure = errorOf(frame);
                remove(slot);
            } else if (completion.finals.contains(type) || (provisional && !slot.awaitEvent)) {
                reply = new JanusReply(replyKind(type), frame);
                failure = pluginFailure(slot, reply);
                String followUp = completion.followUps.get(type);
                boolean followUpSeen =
                        followUp != null
                                && followUp.equals(completion.provisional)
                                && slot.provisionalSeen;
                if (followUp != null && !followUpSeen) {
                    slot.state = PendingRequest.State.AWAITING_FOLLOW_UP;
                    slot.followUp = followUp;
                } else {
                    remove(slot);
                }
            } else if (provisional) {
                slot.provisionalSeen = true;
                return true;
            } else {
                return false;
            }
        }
        complete(slot, failure == null ? reply : null, failure);
        // A caller that does not await the event still has it delivered to listeners, also when
        // Janus sends it before its ack: otherwise an InOnly request's answer would be lost.
        return slot.awaitEvent || !"event".equals(type);
    }

    private void failWhere(
            Predicate<PendingRequest> owned, JanusException failure, boolean dropMarkers) {
        for (PendingRequest slot : slots.values()) {
            if (owned.test(slot)) {
                fail(slot, failure, dropMarkers);
            }
        }
    }

    private void discard(PendingRequest slot) {
        synchronized (slot) {
            if (slot.state != PendingRequest.State.DONE) {
                remove(slot);
            }
        }
    }

    /** Caller holds the slot's lock and has checked it is not DONE. */
    private void remove(PendingRequest slot) {
        slot.state = PendingRequest.State.DONE;
        slots.remove(slot.transaction, slot);
        if (slot.kind == RequestKind.DETACH) {
            detachByHandle.remove(slot.handleId, slot);
        }
        size.decrementAndGet();
    }

    private void complete(PendingRequest slot, JanusReply reply, RuntimeException failure) {
        Runnable completion =
                failure == null
                        ? () -> slot.future.complete(reply)
                        : () -> slot.future.completeExceptionally(failure);
        try {
            completionExecutor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    private static JanusReply.Kind replyKind(String type) {
        return switch (type) {
            case "event" -> JanusReply.Kind.EVENT;
            case "ack" -> JanusReply.Kind.ACK;
            default -> JanusReply.Kind.SUCCESS;
        };
    }

    private static RuntimeException pluginFailure(PendingRequest slot, JanusReply reply) {
        if (!slot.failOnPluginError || !reply.isPluginError()) {
            return null;
        }
        JsonNode data = reply.data();
        return new JanusPluginException(
                reply.plugin(),
                data.path("error_code").asInt(JanusException.NO_CODE),
                data.path("error").asText(""),
                reply);
    }

    static JanusException errorOf(ObjectNode frame) {
        JsonNode error = frame.path("error");
        return new JanusException(
                error.path("code").asInt(JanusException.NO_CODE),
                error.path("reason").asText("(no reason given)"));
    }
}
