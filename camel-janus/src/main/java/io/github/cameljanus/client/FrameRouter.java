/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.engine.Counters;
import io.github.cameljanus.client.engine.Frames;
import io.github.cameljanus.client.engine.SecretMasker;
import io.github.cameljanus.client.engine.TransactionTable;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where each inbound frame of a connection goes: replies to the transaction table, events
 * that complete a request to that request, the rest to listeners; applies the lifecycle meaning of
 * {@code detached} (the handle is gone) and {@code timeout} (the session is gone). Runs on the
 * reader's thread, so it never blocks.
 */
final class FrameRouter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRouter.class);

    private static final Set<String> KNOWN_EVENTS =
            Set.of("webrtcup", "media", "slowlink", "hangup", "detached", "timeout", "trickle");

    private final JanusClient client;
    private final TransactionTable table;
    private final Counters counters;

    FrameRouter(JanusClient client, TransactionTable table, Counters counters) {
        this.client = client;
        this.table = table;
        this.counters = counters;
    }

    void route(ObjectNode frame) {
        String type = Frames.text(frame, "janus");
        if (type == null) {
            counters.malformedFrames.increment();
            LOG.warn("Ignoring a frame without a janus type: {}", SecretMasker.mask(frame));
            return;
        }
        String transaction = Frames.text(frame, "transaction");
        switch (type) {
            case "ack", "success", "server_info", "pong", "error" ->
                    reply(type, transaction, frame);
            case "event" -> {
                if (transaction == null || !table.onFrame(transaction, type, frame)) {
                    event(type, frame);
                }
            }
            default -> {
                if (!KNOWN_EVENTS.contains(type)) {
                    counters.unknownEventTypes.increment();
                    LOG.debug("Passing on a frame of an unknown type '{}' to listeners", type);
                }
                event(type, frame);
            }
        }
    }

    private void reply(String type, String transaction, ObjectNode frame) {
        if (transaction == null && "error".equals(type)) {
            counters.errorsWithoutTransaction.increment();
            LOG.warn(
                    "Janus reported an error no request can receive (no transaction): {}",
                    SecretMasker.mask(frame));
        } else if (transaction == null || !table.onFrame(transaction, type, frame)) {
            counters.lateReplies.increment();
            if (LOG.isDebugEnabled()) {
                LOG.debug(
                        "Reply for an unknown or finished transaction: {}",
                        SecretMasker.mask(frame));
            }
        }
    }

    private void event(String type, ObjectNode frame) {
        long sessionId = frame.path("session_id").asLong(0);
        long handleId = frame.path("sender").asLong(0);
        JanusSession session = client.knownSession(sessionId);
        JanusHandle handle = session == null ? null : session.knownHandle(handleId);
        if ("detached".equals(type) && handleId != 0) {
            table.onDetached(handleId, frame);
            if (handle != null) {
                handle.closeLocally(new JanusClosedException("handle detached on Janus"));
            }
        } else if ("timeout".equals(type) && session != null) {
            boolean endedNow =
                    session.closeLocally(new JanusClosedException("session timed out on Janus"));
            client.deliver(session, handle, frame);
            if (endedNow) {
                CompletableFuture<?> unused =
                        session.reportLost(
                                JanusException.NO_CODE, "session timed out on Janus", "timeout");
            }
            return;
        }
        client.deliver(session, handle, frame);
    }
}
