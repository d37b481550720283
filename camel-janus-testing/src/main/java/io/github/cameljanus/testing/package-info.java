/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Launches a real Janus WebRTC Server on loopback for tests. */
package io.github.cameljanus.testing;
