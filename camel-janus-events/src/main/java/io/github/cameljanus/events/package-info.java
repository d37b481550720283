/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The {@code janus-events:} component: a listener for what Janus's event handlers push. {@code
 * EventListener} (a Vert.x HTTP server per host and port) takes wsevh WebSockets and sampleevh
 * POSTs, {@code JanusEvents} reads their events, and each path's {@code JanusEventsConsumer} queues
 * them ({@code EventQueue}, bounded without dropping: a full queue holds the pusher back) and
 * routes them in order on its own thread.
 */
package io.github.cameljanus.events;
