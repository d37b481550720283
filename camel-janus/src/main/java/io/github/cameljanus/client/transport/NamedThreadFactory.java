/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client.transport;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates daemon threads named {@code <prefix>-<role>-<n>} and can tell whether the current thread
 * is one of them (so a close running on such a thread does not wait for itself).
 */
public final class NamedThreadFactory implements ThreadFactory {

    private final String namePrefix;
    private final AtomicInteger count = new AtomicInteger();
    private final ThreadLocal<Boolean> ownThread = ThreadLocal.withInitial(() -> false);

    public NamedThreadFactory(String threadNamePrefix, String role) {
        this.namePrefix = threadNamePrefix + "-" + role + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread =
                new Thread(
                        () -> {
                            ownThread.set(true);
                            task.run();
                        },
                        namePrefix + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** Returns true when called on a thread this factory created. */
    public boolean isOwnThread() {
        return ownThread.get();
    }
}
