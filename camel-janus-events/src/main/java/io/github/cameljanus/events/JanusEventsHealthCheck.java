/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import java.time.Instant;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP while the consumer's listener listens; its details say when the last push arrived, and what
 * was counted.
 */
final class JanusEventsHealthCheck extends AbstractHealthCheck {

    private final JanusEventsConsumer consumer;

    JanusEventsHealthCheck(String id, JanusEventsConsumer consumer) {
        super("camel", id);
        this.consumer = consumer;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        JanusEventsEndpoint endpoint = consumer.getEndpoint();
        builder.detail("address", endpoint.getHost() + ":" + endpoint.getPort());
        builder.detail("path", endpoint.getPath());
        EventListener listener = consumer.listener();
        if (listener == null) {
            builder.down().message("Not listening");
            return;
        }
        EventCounters counters = listener.counters();
        long last = counters.lastPushMillis();
        builder.detail("lastPush", last == 0 ? "never" : Instant.ofEpochMilli(last).toString());
        builder.detail("events", counters.events());
        builder.detail("queued", consumer.queued());
        builder.detail("refused", counters.refusedPushes());
        builder.detail("malformed", counters.malformedMessages());
        builder.up();
    }
}
