/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Where the installed Janus is: its binary, its modules, its stock configuration. */
final class JanusInstall {

    private JanusInstall() {}

    static Path findExecutable(String name, String searchPath) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
            throw missing(name + " does not exist or is not executable");
        }
        String path = searchPath == null ? "" : searchPath;
        for (String entry : path.split(Pattern.quote(File.pathSeparator), -1)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw missing("no '" + name + "' executable on PATH (" + path + ")");
    }

    static IllegalStateException missing(String detail) {
        return new IllegalStateException(
                "Janus is not installed: "
                        + detail
                        + ". Install it with scripts/install-janus.sh"
                        + " (on Debian/Ubuntu: sudo apt-get install janus).");
    }

    /** Finds the modules folder of the install that owns the binary, e.g. /usr/lib/ARCH/janus. */
    static Path findLibDir(Path executable) {
        Path prefix = realPath(executable).getParent().getParent();
        List<Path> candidates = new ArrayList<>();
        Path lib = prefix.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(lib)) {
                for (Path d : dirs) {
                    candidates.add(d.resolve("janus"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        candidates.add(lib.resolve("janus"));
        Collections.sort(candidates);
        for (Path c : candidates) {
            if (Files.isDirectory(c.resolve("plugins"))
                    && Files.isDirectory(c.resolve("transports"))) {
                return c;
            }
        }
        throw new IllegalStateException(
                "Found "
                        + executable
                        + " but not its plugins and transports (looked in "
                        + candidates
                        + "). Reinstall with scripts/install-janus.sh.");
    }

    static Path findStockConfigDir(Path executable) {
        Path prefix = realPath(executable).getParent().getParent();
        Path own =
                "/usr".equals(prefix.toString())
                        ? Path.of("/etc/janus")
                        : prefix.resolve("etc/janus");
        return Files.isDirectory(own) ? own : Path.of("/etc/janus");
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }

    static Map<String, String> stockPluginConfigs(Path stockDir) throws IOException {
        Map<String, String> configs = new TreeMap<>();
        if (!Files.isDirectory(stockDir)) {
            return configs;
        }
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(stockDir, "janus.plugin.*.jcfg")) {
            for (Path f : files) {
                if (Files.isReadable(f)) {
                    configs.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        return configs;
    }
}
