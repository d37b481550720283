/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** The default transport: the JDK's {@code java.net.http.WebSocket}. */
package io.github.cameljanus.client.transport.jdk;
