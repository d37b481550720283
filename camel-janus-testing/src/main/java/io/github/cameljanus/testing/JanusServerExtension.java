/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that runs a {@link JanusServer} around tests.
 *
 * <p>As a static field, one Janus serves the whole test class (started before all tests, stopped
 * after all, also when tests fail):
 *
 * <pre>{@code
 * @RegisterExtension
 * static final JanusServerExtension JANUS = JanusServerExtension.create();
 *
 * @Test
 * void talksToJanus() {
 *     connect(JANUS.server().wsUrl());
 * }
 * }</pre>
 *
 * <p>As an instance field, each test gets a fresh Janus. Use {@link #with(JanusServer.Builder)} for
 * options, e.g. {@code JanusServerExtension.with(JanusServer.builder().apiSecret("s"))}.
 */
public final class JanusServerExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final JanusServer.Builder builder;
    private JanusServer server;
    private int classDepth;
    private boolean perTest;

    private JanusServerExtension(JanusServer.Builder builder) {
        this.builder = builder;
    }

    /** Returns an extension for a Janus with default options. */
    public static JanusServerExtension create() {
        return new JanusServerExtension(JanusServer.builder());
    }

    /** Returns an extension for a Janus built from {@code builder} (re-read at every start). */
    public static JanusServerExtension with(JanusServer.Builder builder) {
        return new JanusServerExtension(Objects.requireNonNull(builder, "builder"));
    }

    /**
     * Returns the running server.
     *
     * @throws IllegalStateException outside the tests the extension is registered for
     */
    public synchronized JanusServer server() {
        if (server == null) {
            throw new IllegalStateException(
                    "No Janus yet: the extension starts it before the tests of the class that"
                            + " registers it (@RegisterExtension)");
        }
        return server;
    }

    /** Starts Janus for the class (nested classes share it). */
    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            server = builder.build().start();
        }
    }

    /** Stops the class's Janus once the outermost class is done. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stopServer();
        }
    }

    /** Starts a Janus for this test when the extension is an instance field. */
    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (classDepth == 0) {
            perTest = true;
            server = builder.build().start();
        }
    }

    /** Stops the per-test Janus. */
    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest) {
            perTest = false;
            stopServer();
        }
    }

    private void stopServer() {
        JanusServer s = server;
        if (s != null) {
            s.close();
        }
    }
}
