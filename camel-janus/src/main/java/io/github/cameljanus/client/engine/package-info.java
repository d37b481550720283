/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The engine the client runs on, the same for the Janus API and the Admin API: {@code
 * RequestWriter} (where a request is written), {@code TransactionTable} (where a reply is matched),
 * {@code Wire} (one WebSocket with its send queue and frame reader), {@code EventDispatcher} (the
 * per-session event lanes), {@code ApiDialect} (what differs between the two APIs). Public for the
 * API package; not a stable API.
 */
package io.github.cameljanus.client.engine;
