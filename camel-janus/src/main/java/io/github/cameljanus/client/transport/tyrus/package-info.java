/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The JSR-356 transport on Tyrus; Tyrus is an optional dependency the application adds to choose
 * it.
 */
package io.github.cameljanus.client.transport.tyrus;
