/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import io.github.cameljanus.client.engine.Counters;
import io.github.cameljanus.client.engine.RequestKind;
import io.github.cameljanus.client.engine.RequestWriter;
import io.github.cameljanus.client.engine.Wire;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions a client owns (created or claimed): one tracked object per id, kept alive, claimed
 * again after a reconnect (reclaim), destroyed or closed when the client closes.
 */
final class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Map<Long, JanusSession> sessions = new ConcurrentHashMap<>();
    private final RequestWriter writer;
    private final Counters counters;
    private boolean refusing; // guarded by this

    SessionRegistry(RequestWriter writer, Counters counters) {
        this.writer = writer;
        this.counters = counters;
    }

    /** The tracked session of this id, null when there is none (or the id is 0). */
    JanusSession known(long id) {
        return id == 0 ? null : sessions.get(id);
    }

    /** The tracked sessions, a snapshot. */
    Collection<JanusSession> snapshot() {
        return List.copyOf(sessions.values());
    }

    /**
     * A session created or claimed becomes tracked (kept alive, claimed after a reconnect), unless
     * the client is closing or another object of the same id is tracked: only one object per id
     * ever runs a keepalive.
     *
     * @return true when this session is the tracked one
     */
    synchronized boolean track(JanusSession session) {
        if (refusing) {
            return false;
        }
        JanusSession known = sessions.putIfAbsent(session.id(), session);
        return known == null || known == session;
    }

    /** The client is closing: no session becomes tracked from now on. */
    synchronized void refuseNew() {
        refusing = true;
    }

    void untrack(JanusSession session) {
        sessions.remove(session.id(), session);
    }

    void lost(JanusSession session, String cause) {
        counters.sessionsLost.increment();
        LOG.warn("Session {} is lost ({}); its requests fail", session.id(), cause);
    }

    /**
     * After a reconnect: claims every tracked session on the new wire, so Janus sends their events
     * here again. A session Janus answers with an error (458: Janus restarted, or the reclaim
     * window passed) is lost; one whose claim got no answer stays for the next connection. Each
     * returned future completes when its claim settled, with the report of its loss to run once
     * connected (null when it was not lost).
     *
     * @param reclaim false when reclaim is off: every live session is lost
     */
    List<CompletableFuture<Supplier<CompletableFuture<Void>>>> reclaim(
            Wire candidate, boolean reclaim) {
        List<JanusSession> live =
                sessions.values().stream().filter(session -> !session.isClosed()).toList();
        if (!reclaim) {
            return live.stream()
                    .map(
                            session ->
                                    CompletableFuture.completedFuture(
                                            session.loseAndReportLater(
                                                    JanusException.NO_CODE,
                                                    "the connection was lost and reclaim is off",
                                                    "reclaim-off")))
                    .toList();
        }
        return live.stream()
                .map(
                        session ->
                                writer.send(
                                                candidate,
                                                RequestKind.CLAIM,
                                                session.id(),
                                                0,
                                                null,
                                                RequestOptions.defaults())
                                        .handle(
                                                (reply, error) ->
                                                        reclaimed(
                                                                session,
                                                                error == null
                                                                        ? null
                                                                        : Failures.unwrap(error))))
                .toList();
    }

    /** Returns the report of the session's loss, null when it was claimed or not answered. */
    private Supplier<CompletableFuture<Void>> reclaimed(JanusSession session, Throwable error) {
        if (error == null) {
            counters.sessionsReclaimed.increment();
            LOG.debug("Session {} claimed again", session.id());
        } else if (error instanceof JanusConnectionLostException
                || error instanceof JanusTimeoutException
                || error instanceof JanusClosedException) {
            LOG.debug("Claim of session {} not answered: {}", session.id(), error.toString());
        } else if (error instanceof JanusException janus) {
            return session.loseAndReportLater(janus.code(), janus.reason(), "claim");
        } else {
            return session.loseAndReportLater(
                    JanusException.NO_CODE, String.valueOf(error), "claim");
        }
        return null;
    }

    /** Destroys on Janus the sessions this client created, waiting at most {@code timeout}. */
    void destroyOwned(Duration timeout) {
        CompletableFuture<?>[] destroys =
                sessions.values().stream()
                        .filter(JanusSession::isOwned)
                        .map(session -> session.destroyInPlace(RequestOptions.defaults()))
                        .toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(destroys).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Not every session was destroyed on close: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every tracked session locally (their handles too), failing what they wait for. */
    void closeAll(JanusClosedException closed) {
        sessions.values().forEach(session -> session.closeLocally(closed));
    }
}
