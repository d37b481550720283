/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.integration;

import java.util.List;
import java.util.stream.Collectors;

/** The live threads of ours: every thread this project creates has "janus-" in its name. */
final class JanusThreads {

    private JanusThreads() {}

    static List<String> alive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.contains("janus-"))
                .collect(Collectors.toList());
    }
}
