/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The framework-free Janus client's API: {@link io.github.cameljanus.client.JanusClient} and the
 * sessions, handles, listeners, settings and exceptions an application uses. Behind the client's
 * facade, in this package because they work on sessions and handles: {@code ConnectionSupervisor}
 * (where reconnect lives: connect rounds, retry, liveness, reclaim, the one loss path) and {@code
 * SessionRegistry} (the sessions a client owns). No Camel type here.
 */
package io.github.cameljanus.client;
