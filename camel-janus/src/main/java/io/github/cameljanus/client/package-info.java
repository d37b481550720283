/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Framework-free Janus WebSocket client: no Camel types here. */
package io.github.cameljanus.client;
