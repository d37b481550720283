/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cameljanus.JanusAdminConstants;
import io.github.cameljanus.testing.JanusServer;
import io.github.cameljanus.testing.LiveThreads;
import io.github.cameljanus.testing.NetworkNamespace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * A real WebRTC call: headless Chromium with a fake camera opens the application's page, which
 * signals through the application's routes to a real Janus. Janus runs in a network namespace of
 * the test's own (it gathers no candidates on loopback), so the media crosses only that namespace's
 * veth pair, which the test checks on the selected ICE pair. The application runs as it ships
 * (BrowserCallApp's Camel Main), only its addresses overridden.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserCallIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path OUT = Path.of("target", "browser-call");
    private static final Pattern IPV4 = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static NetworkNamespace ns;
    private static JanusServer janus;
    private static Main app;
    private static String appUrl;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        ns = NetworkNamespace.create();
        int eventsPort = freePort(ns.hostAddress());
        janus = DemoJanus.builder(ns, eventsPort).build().start();
        int httpPort = freePort("127.0.0.1");
        appUrl = "http://127.0.0.1:" + httpPort;
        app = BrowserCallApp.newMain();
        app.addOverrideProperty("browser-call.http-port", String.valueOf(httpPort));
        app.addOverrideProperty("janus.url", janus.wsUrl());
        app.addOverrideProperty("janus.admin-url", janus.adminUrl());
        app.addOverrideProperty("janus.admin-secret", janus.adminSecret());
        app.addOverrideProperty("browser-call.events-host", ns.hostAddress());
        app.addOverrideProperty("browser-call.events-port", String.valueOf(eventsPort));
        app.start();
        browser = Browser.start(OUT);
    }

    @AfterAll
    static void stop() throws Exception {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        try (NetworkNamespace n = ns;
                JanusServer j = janus;
                AutoCloseable a = app == null ? null : app::stop;
                Browser b = browser) {
            // closed in reverse: the browser, the application, Janus, the namespace
        } catch (Exception e) {
            throw new IllegalStateException("Cleaning up failed", e);
        }
        // all that was started, also what was re-parented meanwhile
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(children)
                                        .as("chromium, chromedriver and janus are gone")
                                        .noneMatch(ProcessHandle::isAlive));
        assertThat(ProcessHandle.current().descendants()).isEmpty();
        assertThat(ns.exists()).as("%s or its veth pair", ns).isFalse();
        LiveThreads.awaitNone("janus- threads", name -> name.startsWith("janus-"), WAIT);
    }

    @Test
    void echoCallThroughTheRoutesSetsUpRealMediaAndHangsUpWithoutLeavingASession()
            throws Exception {
        browser.driver().get(appUrl + "/?mode=echo");
        String id = startCall();

        JsonNode state = awaitMediaFlowing(id, true);
        assertThat(state.path("events").toString()).contains("webrtcup", "selected-pair");
        assertSelectedPairIsTheNamespacePair(state);
        awaitHandleInfoGrowing(id, "bytesReceived");
        awaitRemoteVideoPlaying();
        // the page got the same state, pushed by the application
        await().atMost(WAIT)
                .until(
                        () ->
                                String.valueOf(
                                        browser.js("return JSON.stringify(window.call.state)")),
                        s -> s.contains("webrtcup") && s.contains("\"video\":true"));
        browser.screenshot(OUT.resolve("echo-call.png"));

        browser.driver().findElement(By.id("hangup")).click();
        awaitNoSessions();
        assertThat(get("/calls/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void videoRoomSubscriberSeesThePublishersVideo() throws Exception {
        String room = "4242";
        browser.driver().get(appUrl + "/?mode=publish&room=" + room);
        String publisher = startCall();
        String publisherWindow = browser.driver().getWindowHandle();
        JsonNode published = awaitMediaFlowing(publisher, true);
        assertSelectedPairIsTheNamespacePair(published);
        awaitHandleInfoGrowing(publisher, "bytesReceived");
        long feed = published.path("feed").asLong();
        assertThat(feed).isPositive();

        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        browser.driver().get(appUrl + "/?mode=subscribe&room=" + room + "&feed=" + feed);
        String subscriber = startCall();
        // Janus only sends on a subscriber's PeerConnection: what it counts there is sent.
        JsonNode subscribed = awaitMediaFlowing(subscriber, false);
        assertSelectedPairIsTheNamespacePair(subscribed);
        awaitHandleInfoGrowing(subscriber, "bytesSent");
        // ... and what the subscriber's browser receives grows, audio and video both
        Map<String, Long> received = inboundBytes();
        assertThat(received).containsKeys("audio", "video");
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(inboundBytes())
                                        .hasEntrySatisfying(
                                                "audio",
                                                n ->
                                                        assertThat(n)
                                                                .isGreaterThan(
                                                                        received.get("audio")))
                                        .hasEntrySatisfying(
                                                "video",
                                                n ->
                                                        assertThat(n)
                                                                .isGreaterThan(
                                                                        received.get("video"))));
        awaitRemoteVideoPlaying();
        browser.screenshot(OUT.resolve("videoroom-subscriber.png"));

        browser.driver().findElement(By.id("hangup")).click();
        await().atMost(WAIT).until(() -> get("/calls/" + subscriber).statusCode() == 404);
        browser.driver().close();
        browser.driver().switchTo().window(publisherWindow);
        browser.screenshot(OUT.resolve("videoroom-publisher.png"));
        browser.driver().findElement(By.id("hangup")).click();
        awaitNoSessions();
    }

    @Test
    void aPageThatGoesAwayEndsItsCall() throws Exception {
        browser.driver().get(appUrl + "/?mode=echo");
        String id = startCall();
        awaitMediaFlowing(id, true);
        browser.driver().get("about:blank"); // its live stream closes with the page
        await().atMost(WAIT).until(() -> get("/calls/" + id).statusCode() == 404);
        awaitNoSessions();
    }

    @Test
    void badRequestsGetClearAnswersAndAnOfferJanusRefusesLeavesNoSession() throws Exception {
        assertThat(post("/calls", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> noJsep = post("/calls", "{\"display\":\"x\"}");
        assertThat(noJsep.statusCode()).isEqualTo(400);
        assertThat(noJsep.body()).contains("jsep");
        HttpResponse<String> unknown = post("/calls/nosuchcall/candidates", "{\"completed\":true}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nosuchcall");

        // Janus creates the session and attaches, then refuses the SDP: the route destroys the
        // session it made and tells the page why.
        HttpResponse<String> refused =
                post("/calls", "{\"jsep\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        // a room that is not a number is refused before any session is made
        assertThat(
                        post(
                                        "/rooms/lobby/publishers",
                                        "{\"jsep\":{\"type\":\"offer\",\"sdp\":\"v=0\"}}")
                                .statusCode())
                .isEqualTo(400);
        assertThat(post("/rooms/lobby/subscribers", "{\"feed\":1}").statusCode()).isEqualTo(400);
        awaitNoSessions();
    }

    /** Clicks Start and returns the call id the application gave the page. */
    private static String startCall() {
        browser.driver().findElement(By.id("start")).click();
        return await().atMost(WAIT)
                .until(
                        () -> {
                            Object error = browser.js("return window.call.error");
                            assertThat(error).as("the page's error").isNull();
                            return (String) browser.js("return window.call.id");
                        },
                        id -> id != null);
    }

    /**
     * Waits until the janus: consumer reported the PeerConnection up and (when Janus receives on
     * it) audio and video arriving, and janus-events: the selected pair and media stats.
     */
    private static JsonNode awaitMediaFlowing(String id, boolean janusReceives) {
        return await().atMost(WAIT)
                .until(
                        () -> state(id),
                        s ->
                                s.path("events").toString().contains("webrtcup")
                                        && (!janusReceives
                                                || (s.path("receiving").path("audio").asBoolean()
                                                        && s.path("receiving")
                                                                .path("video")
                                                                .asBoolean()))
                                        && !s.path("selectedPair").isNull()
                                        && s.path("statsEvents").asInt() >= 2);
    }

    private static void assertSelectedPairIsTheNamespacePair(JsonNode state) {
        String pair = state.path("selectedPair").asText();
        Matcher m = IPV4.matcher(pair);
        List<String> addresses = new java.util.ArrayList<>();
        while (m.find()) {
            addresses.add(m.group());
        }
        assertThat(addresses)
                .as("addresses of the selected pair %s", pair)
                .containsExactlyInAnyOrder(ns.innerAddress(), ns.hostAddress());
    }

    /** Reads handleInfo (janus-admin:) through the application twice, until the counter grew. */
    private static void awaitHandleInfoGrowing(String id, String counter) throws Exception {
        long first = handleInfo(id).path(counter).asLong();
        await().atMost(WAIT).until(() -> handleInfo(id).path(counter).asLong(), n -> n > first);
    }

    /** The page's remote video has a size and decodes frames, more and more of them. */
    private static void awaitRemoteVideoPlaying() {
        String frames =
                "return document.getElementById('remote').getVideoPlaybackQuality()"
                        + ".totalVideoFrames";
        await().atMost(WAIT)
                .until(
                        () ->
                                ((Number)
                                                browser.js(
                                                        "return document.getElementById('remote')"
                                                                + ".videoWidth"))
                                        .intValue(),
                        w -> w > 0);
        long decoded = ((Number) browser.js(frames)).longValue();
        await().atMost(WAIT)
                .until(() -> ((Number) browser.js(frames)).longValue(), n -> n > decoded);
    }

    /** Janus holds no session any more, as the Admin API tells (janus-admin: listSessions). */
    private static void awaitNoSessions() {
        ProducerTemplate template = app.getCamelContext().createProducerTemplate();
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(
                                                (List<?>)
                                                        template.requestBodyAndHeader(
                                                                        CallRoutes.ADMIN,
                                                                        null,
                                                                        JanusAdminConstants
                                                                                .ADMIN_OPERATION,
                                                                        "listSessions",
                                                                        Map.class)
                                                                .get("sessions"))
                                        .isEmpty());
    }

    /** Bytes the page's PeerConnection received, by kind (inbound-rtp stats of the browser). */
    @SuppressWarnings("unchecked") // executeAsyncScript returns a JS object as Map
    private static Map<String, Long> inboundBytes() {
        Map<String, Object> raw =
                (Map<String, Object>)
                        browser.asyncJs(
                                "const done = arguments[arguments.length - 1];"
                                        + "pc.getStats().then(r => { const m = {};"
                                        + " r.forEach(s => { if (s.type === 'inbound-rtp')"
                                        + " m[s.kind] = s.bytesReceived; }); done(m); });");
        Map<String, Long> bytes = new java.util.TreeMap<>();
        raw.forEach((kind, n) -> bytes.put(kind, ((Number) n).longValue()));
        return bytes;
    }

    private static JsonNode state(String id) throws Exception {
        HttpResponse<String> response = get("/calls/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode handleInfo(String id) throws Exception {
        HttpResponse<String> response = get("/calls/" + id + "/handle-info");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(appUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(appUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }
}
