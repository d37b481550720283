/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.quickstart;

import io.github.cameljanus.JanusConstants;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What the routes remember: the monitor's handle (whose events are the room's events) and the
 * visitors currently in the room. Bound in the registry as {@code quickstart}.
 */
public class QuickstartState {

    private static final List<String> NAMES =
            List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");

    private volatile long monitorHandle;
    private final Deque<Visitor> visitors = new ArrayDeque<>();
    private int moves;
    private int names;

    /** A visitor: its own Janus session and VideoRoom handle. */
    record Visitor(String name, long session, long handle) {}

    /** Remembers the handle the monitor joined the room with (from the join reply). */
    public void monitorJoined(Exchange exchange) {
        monitorHandle = exchange.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);
    }

    /** The monitor's handle id, 0 until it joined. */
    public long monitorHandle() {
        return monitorHandle;
    }

    public boolean isReady() {
        return monitorHandle != 0;
    }

    /** The visitors' dance: two join, then two leave, and again. */
    public synchronized boolean shouldJoin() {
        boolean join = moves++ % 4 < 2 || visitors.isEmpty();
        return join;
    }

    public synchronized String nextName() {
        return NAMES.get(names++ % NAMES.size());
    }

    /** Remembers the visitor whose join just succeeded (headers of the join reply). */
    public synchronized void visitorJoined(Message message) {
        visitors.add(
                new Visitor(
                        message.getHeader("visitor", String.class),
                        message.getHeader(JanusConstants.SESSION_ID, Long.class),
                        message.getHeader(JanusConstants.HANDLE_ID, Long.class)));
    }

    /** Addresses the oldest visitor: sets its session and handle headers, and forgets it. */
    public synchronized void oldestVisitor(Message message) {
        Visitor visitor = visitors.poll();
        if (visitor == null) {
            throw new IllegalStateException("No visitor in the room");
        }
        message.setHeader("visitor", visitor.name());
        message.setHeader(JanusConstants.SESSION_ID, visitor.session());
        message.setHeader(JanusConstants.HANDLE_ID, visitor.handle());
    }
}
