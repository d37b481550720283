/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Where a transport plugs in: the WebSocket SPI ({@code JanusTransportFactory}, {@code
 * JanusTransport}, {@code JanusTransportListener}); {@code JanusTransportFactory.defaultFactory}
 * picks the JDK one.
 */
package io.github.cameljanus.client.transport;
