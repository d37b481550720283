/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import io.github.cameljanus.JanusAdminConstants;
import io.github.cameljanus.JanusConstants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * The application: its HTTP API (platform-http) is what the page talks to, and each request is a
 * route that talks to Janus. Every janus: endpoint here shares one connection (same address and
 * options); the consumer sees the events of the sessions these routes create, because Janus sends a
 * session's events to the socket that owns it. janus-events: adds what only Janus's event handler
 * tells (the selected ICE pair, media stats), janus-admin: what only the Admin API does (handle
 * info).
 */
public class CallRoutes extends RouteBuilder {

    static final String JANUS = "janus:{{janus.url}}";
    static final String ADMIN =
            "janus-admin:{{janus.admin-url}}?adminSecret=RAW({{janus.admin-secret}})";
    static final String EVENTS =
            "janus-events:{{browser-call.events-host}}:{{browser-call.events-port}}/janus-events"
                    + "?eventTypes=webrtc,media&eventSubtypes=selected-pair,stats";
    static final String ECHOTEST = "janus.plugin.echotest";
    static final String VIDEOROOM = "janus.plugin.videoroom";

    /** Set once an exchange has a session of its own: if it fails, that session is destroyed. */
    private static final String OWNS_SESSION = "ownsSession";

    private static final String JSON_TYPE = "application/json";

    @Override
    public void configure() {
        onException(Calls.UnknownCallException.class)
                .handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                .setBody(simple("${exception.message}"));
        onException(CallRequests.BadRequestException.class)
                .handled(true)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setBody(simple("${exception.message}"));
        // Janus refused, timed out or went away: the session this exchange made is not left
        // behind (Janus would keep it alive as long as this application's connection lives),
        // and the page is told why.
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, "${routeId} failed: ${exception.message}")
                .filter(exchangeProperty(OWNS_SESSION).isEqualTo(true))
                .to("direct:destroy-session")
                .end()
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(502))
                .setBody(simple("${exception.message}"));

        // Never fails: a session that cannot be destroyed is logged (Janus times it out once
        // this application's connection is gone).
        from("direct:destroy-session")
                .routeId("destroy-session")
                .doTry()
                .setHeader(JanusConstants.OPERATION, constant("destroySession"))
                .to(JANUS)
                .doCatch(Exception.class)
                .log(
                        LoggingLevel.WARN,
                        "Could not destroy session ${header.CamelJanusSessionId}:"
                                + " ${exception.message}")
                .end();

        page("/", "index.html", "text/html");
        page("/call.js", "call.js", "text/javascript");

        // EchoTest: Janus sends the browser's media back, through a Janus session of its own.
        openHandle(
                        from("platform-http:/calls?httpMethodRestrict=POST")
                                .routeId("echo-call")
                                .setProperty("jsep", method(CallRequests.class, "jsep")),
                        ECHOTEST)
                .setHeader(JanusConstants.JSEP, exchangeProperty("jsep"))
                .setBody(method(CallRequests.class, "echo"))
                .to(JANUS)
                .bean(BrowserCallApp.CALLS, "started(*, ECHO)")
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON_TYPE));

        // VideoRoom publisher: the room is made on first use, then joined with the offer.
        openHandle(
                        from("platform-http:/rooms/{room}/publishers?httpMethodRestrict=POST")
                                .routeId("publish")
                                .setProperty("room", method(CallRequests.class, "room"))
                                .setProperty("jsep", method(CallRequests.class, "jsep")),
                        VIDEOROOM)
                .setBody(method(CallRequests.class, "createRoom"))
                .to(JANUS + "?failOnPluginError=false")
                .bean(CallRequests.class, "roomReady")
                .setHeader(JanusConstants.JSEP, exchangeProperty("jsep"))
                .setBody(method(CallRequests.class, "publish"))
                .to(JANUS)
                .bean(BrowserCallApp.CALLS, "started(*, PUBLISHER)")
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON_TYPE));

        // VideoRoom subscriber: Janus makes the offer (in the join's "attached" event); the page
        // answers on /calls/{id}/answer.
        openHandle(
                        from("platform-http:/rooms/{room}/subscribers?httpMethodRestrict=POST")
                                .routeId("subscribe")
                                .setProperty("room", method(CallRequests.class, "room"))
                                .setProperty("feed", method(CallRequests.class, "feed")),
                        VIDEOROOM)
                .setBody(method(CallRequests.class, "subscribe"))
                .to(JANUS)
                .bean(BrowserCallApp.CALLS, "started(*, SUBSCRIBER)")
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON_TYPE));

        from("platform-http:/calls/{id}/answer?httpMethodRestrict=POST")
                .routeId("answer")
                .bean(BrowserCallApp.CALLS, "address")
                .setHeader(JanusConstants.JSEP, method(CallRequests.class, "jsep"))
                .setBody(method(CallRequests.class, "start"))
                .to(JANUS)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant((Object) null));

        // The browser's ICE candidates, as it finds them, then {"completed": true}.
        from("platform-http:/calls/{id}/candidates?httpMethodRestrict=POST")
                .routeId("trickle")
                .bean(BrowserCallApp.CALLS, "address")
                .setBody(method(CallRequests.class, "candidate"))
                .setHeader(JanusConstants.OPERATION, constant("trickle"))
                .to(JANUS)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant((Object) null));

        endCall(from("platform-http:/calls/{id}?httpMethodRestrict=DELETE").routeId("hang-up"));

        // A page whose live stream closed and did not come back (closed, reloaded, crashed):
        // its call is ended as if it had hung up (LiveUpdates sends these).
        endCall(from(LiveUpdates.ABANDONED).routeId("abandoned"));

        from("platform-http:/calls/{id}?httpMethodRestrict=GET")
                .routeId("call-state")
                .bean(BrowserCallApp.CALLS, "state")
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON_TYPE));

        // What Janus itself counts for the call's handle, asked on the Admin API.
        from("platform-http:/calls/{id}/handle-info?httpMethodRestrict=GET")
                .routeId("handle-info")
                .bean(BrowserCallApp.CALLS, "address")
                .setHeader(JanusAdminConstants.ADMIN_OPERATION, constant("handleInfo"))
                .to(ADMIN)
                .bean(HandleInfoStats.class, "summary")
                .marshal()
                .json()
                .setHeader(Exchange.CONTENT_TYPE, constant(JSON_TYPE));

        // The call's life as Janus tells its owner: PeerConnection up, media flowing, trouble.
        from(JANUS + "?eventTypes=webrtcup,media,slowlink,hangup")
                .routeId("call-events")
                .bean(BrowserCallApp.CALLS, "onJanusEvent");

        // And as its event handler tells everyone: the ICE pair chosen, media stats each second.
        from(EVENTS).routeId("handler-events").bean(BrowserCallApp.CALLS, "onHandlerEvent");
    }

    /**
     * Creates a session and attaches {@code plugin} in it, once the route has checked what the page
     * sent: from here on a failure destroys that session.
     */
    private RouteDefinition openHandle(RouteDefinition route, String plugin) {
        return route.setHeader(JanusConstants.PLUGIN, constant(plugin))
                .setHeader(JanusConstants.OPERATION, constant("createSession"))
                .to(JANUS)
                .setProperty(OWNS_SESSION, constant(true))
                .setHeader(JanusConstants.OPERATION, constant("attach"))
                .to(JANUS);
    }

    /**
     * Ends the call of the {@code id} header: over for the page at once (its last reads answer
     * 404), then hung up and detached, and its session destroyed even when those two fail; answers
     * 204.
     */
    private void endCall(RouteDefinition route) {
        route.bean(BrowserCallApp.CALLS, "address")
                .bean(BrowserCallApp.CALLS, "ended")
                .doTry()
                .setHeader(JanusConstants.OPERATION, constant("hangup"))
                .to(JANUS)
                .setHeader(JanusConstants.OPERATION, constant("detach"))
                .to(JANUS)
                .doCatch(Exception.class)
                .log(
                        LoggingLevel.WARN,
                        "Hanging up call ${header.id} failed (${exception.message}): destroying"
                                + " its session anyway")
                .end()
                .to("direct:destroy-session")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant((Object) null));
    }

    /** Serves a file of the page as it is (no templating: the script has ${...} of its own). */
    private void page(String path, String resource, String contentType) {
        byte[] content;
        try (InputStream in = CallRoutes.class.getResourceAsStream("/page/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("page/" + resource + " is not on the classpath");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        from("platform-http:" + path + "?httpMethodRestrict=GET")
                .routeId("page-" + resource)
                .setHeader(Exchange.CONTENT_TYPE, constant(contentType))
                .setBody(constant(content));
    }
}
