/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import java.util.concurrent.atomic.AtomicLong;

/** A listener's counters: what was pushed, refused, malformed, held back. Thread-safe. */
final class EventCounters {

    private final AtomicLong events = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong heldBack = new AtomicLong();
    private volatile long lastPushMillis;

    void pushed(int count) {
        events.addAndGet(count);
        lastPushMillis = System.currentTimeMillis();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void malformed() {
        malformed.incrementAndGet();
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void oversized() {
        oversized.incrementAndGet();
    }

    void heldBack() {
        heldBack.incrementAndGet();
    }

    /** Events received (all paths). */
    long events() {
        return events.get();
    }

    /** Pushes refused: no consumer on the path, no secret, bad credentials. */
    long refusedPushes() {
        return refused.get();
    }

    /** Messages that were not JSON, or not an event or array of events. */
    long malformedMessages() {
        return malformed.get();
    }

    /** Elements of an array that were not events, skipped. */
    long skippedElements() {
        return skipped.get();
    }

    /** Messages larger than maxMessageSize. */
    long oversizedMessages() {
        return oversized.get();
    }

    /** How often a full queue held a pushing socket or a POST's answer back. */
    long heldBackPushes() {
        return heldBack.get();
    }

    /** When the last event arrived, 0 before any. */
    long lastPushMillis() {
        return lastPushMillis;
    }
}
