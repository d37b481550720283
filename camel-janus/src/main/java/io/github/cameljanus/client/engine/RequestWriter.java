/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusReply;
import io.github.cameljanus.client.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a request is written: builds its envelope (verb, ids, fields, the dialect's authorisation),
 * registers it in the wire's transaction table (which matches its reply), checks it and hands it to
 * the wire's one writer. A send that fails is the wire's loss.
 */
public final class RequestWriter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestWriter.class);

    private final ApiDialect dialect;
    private final Duration defaultTimeout;
    private final BiConsumer<Wire, JanusConnectionLostException> onLost;

    /**
     * Creates the writer of a client.
     *
     * @param dialect the API spoken
     * @param defaultTimeout a request's deadline unless its options say otherwise
     * @param onLost told when a send fails: the wire is lost
     */
    public RequestWriter(
            ApiDialect dialect,
            Duration defaultTimeout,
            BiConsumer<Wire, JanusConnectionLostException> onLost) {
        this.dialect = dialect;
        this.defaultTimeout = defaultTimeout;
        this.onLost = onLost;
    }

    /** The API spoken. */
    public ApiDialect dialect() {
        return dialect;
    }

    /**
     * Sends a request on a wire.
     *
     * @return the request's internal future: completed in place with its final reply or failure
     */
    public CompletableFuture<JanusReply> send(
            Wire target,
            RequestKind kind,
            long sessionId,
            long handleId,
            ObjectNode fields,
            RequestOptions options) {
        ObjectNode envelope =
                Frames.frame(kind.isAdmin() ? fields.path("janus").asText() : kind.verb());
        if (kind.scope() != RequestKind.Scope.ROOT) {
            envelope.put("session_id", sessionId);
        }
        if (kind.scope() == RequestKind.Scope.HANDLE) {
            envelope.put("handle_id", handleId);
        }
        if (fields != null) {
            envelope.setAll(fields);
        }
        if (kind.needsAuth()) {
            dialect.authorise(envelope, options.token());
        }
        Duration timeout = options.timeout() != null ? options.timeout() : defaultTimeout;
        PendingRequest slot;
        try {
            slot = target.table.register(kind, sessionId, handleId, timeout, options);
        } catch (JanusException e) {
            return CompletableFuture.failedFuture(e);
        }
        envelope.put("transaction", slot.transaction());
        try {
            EnvelopeValidator.validate(kind, envelope);
        } catch (JanusException e) {
            target.table.fail(slot, e);
            return slot.future();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(">>> {}", SecretMasker.mask(envelope));
        }
        CompletableFuture<?> unused =
                target.send(Frames.write(envelope))
                        .whenComplete(
                                (sent, error) -> {
                                    if (error != null) {
                                        JanusConnectionLostException lost =
                                                new JanusConnectionLostException(
                                                        "sending "
                                                                + kind.verb()
                                                                + " failed: "
                                                                + error,
                                                        error);
                                        target.table.fail(slot, lost);
                                        onLost.accept(target, lost);
                                    }
                                });
        return slot.future();
    }
}
