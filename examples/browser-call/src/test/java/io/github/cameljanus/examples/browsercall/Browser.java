/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver through Selenium, with a fake camera and
 * microphone. Both binaries come from {@code scripts/install-browser.sh}; a missing one fails the
 * test with that name, never skips it. Selenium is given both paths, so it downloads nothing.
 */
final class Browser implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Thread killAtExit;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // Selenium stops neither on a JVM exit (a fork timeout): kill what is ours then.
        this.killAtExit = new Thread(Browser::killBrowserProcesses, "browser-kill-at-exit");
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /** Starts chromedriver on a free loopback port and one Chromium with a fresh profile. */
    static Browser start(Path out) throws IOException {
        Files.createDirectories(out);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(executable("chromedriver").toFile())
                        .usingAnyFreePort()
                        .withLogFile(out.resolve("chromedriver.log").toFile())
                        .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium").toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // as root
                "--disable-gpu",
                "--window-size=1000,760",
                "--user-data-dir=" + Files.createTempDirectory(out, "profile-"),
                // a camera and microphone that need no device and no permission prompt
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required",
                // real host candidates, not mDNS names Janus would have to resolve
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                // two windows at once: neither is throttled as a background one
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                // nothing but the page: the machine's network is closed
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check");
        try {
            return new Browser(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Runs {@code script} (which returns a value) in the current window. */
    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Saves a PNG of the current window as {@code file}. */
    void screenshot(Path file) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(file.getParent());
        Files.copy(png.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Ends the browser and chromedriver (their processes with them). */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        }
    }

    /** Runs {@code script} asynchronously (it calls its last argument with the result). */
    Object asyncJs(String script) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script);
    }

    private static void killBrowserProcesses() {
        ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("chrom")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private static Path executable(String name) {
        Optional<Path> found =
                Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .map(dir -> Path.of(dir, name))
                        .filter(Files::isExecutable)
                        .findFirst();
        return found.orElseThrow(
                () ->
                        new IllegalStateException(
                                name
                                        + " is not on PATH: run scripts/install-browser.sh"
                                        + " (Debian's chromium and chromium-driver)"));
    }
}
