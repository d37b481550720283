/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.assertj.core.api.ObjectAssert;

/**
 * Checks on the janus: routes of a Camel context that tests of several packages make: an echotest
 * round trip, creating a session and attaching a handle, and the readiness of the consumer route
 * with id {@code events}.
 */
public final class RouteChecks {

    /** The echotest request the round trip sends; the plugin answers it with result ok. */
    public static final String ECHO_REQUEST = "{\"audio\":true}";

    private RouteChecks() {}

    /**
     * Sends the echotest request to the endpoint (a route to the echotest plugin) and asserts the
     * reply says result ok.
     */
    public static void assertEchoAnswersOk(ProducerTemplate template, String endpointUri) {
        assertThat(template.requestBody(endpointUri, ECHO_REQUEST, JanusBody.class))
                .containsEntry("result", "ok");
    }

    /** Creates a session through the endpoint, asserts it worked, and returns the session id. */
    public static long createSession(ProducerTemplate template, String endpointUri) {
        Exchange created =
                template.request(
                        endpointUri,
                        e -> e.getMessage().setHeader(JanusConstants.OPERATION, "createSession"));
        assertThat(created.getException()).isNull();
        return created.getMessage().getHeader(JanusConstants.SESSION_ID, Long.class);
    }

    /**
     * Attaches the endpoint's plugin in the session, asserts it worked, and returns the handle id.
     */
    public static long attach(ProducerTemplate template, String endpointUri, long sessionId) {
        Exchange attached =
                template.request(
                        endpointUri,
                        e -> {
                            e.getMessage().setHeader(JanusConstants.OPERATION, "attach");
                            e.getMessage().setHeader(JanusConstants.SESSION_ID, sessionId);
                        });
        assertThat(attached.getException()).isNull();
        return attached.getMessage().getHeader(JanusConstants.HANDLE_ID, Long.class);
    }

    /** Sends an InOut request with the body to the session's handle through the endpoint. */
    public static Exchange request(
            ProducerTemplate template, String endpointUri, long session, long handle, Object body) {
        return template.request(
                endpointUri,
                e -> {
                    e.getMessage().setHeader(JanusConstants.SESSION_ID, session);
                    e.getMessage().setHeader(JanusConstants.HANDLE_ID, handle);
                    e.getMessage().setBody(body);
                });
    }

    /** Joins a VideoRoom as a publisher with the session's handle and asserts it worked. */
    public static Exchange joinAsPublisher(
            ProducerTemplate template,
            String endpointUri,
            long session,
            long handle,
            Object room,
            String display) {
        Exchange joined =
                request(
                        template,
                        endpointUri,
                        session,
                        handle,
                        Map.of(
                                "request",
                                "join",
                                "ptype",
                                "publisher",
                                "room",
                                room,
                                "display",
                                display));
        assertThat(joined.getException()).isNull();
        return joined;
    }

    /** Returns an assertion on the readiness result of the route with id {@code events}. */
    public static ObjectAssert<HealthCheck.Result> assertThatEventsReadiness(CamelContext context) {
        return assertThat(HealthCheckHelper.invokeReadiness(context))
                .filteredOn(r -> r.getCheck().getId().contains("events"))
                .singleElement();
    }

    /** Waits until the route with id {@code events} reports the readiness state. */
    public static void awaitEventsReadiness(
            CamelContext context, HealthCheck.State state, Duration atMost) {
        await().atMost(atMost)
                .untilAsserted(
                        () ->
                                assertThatEventsReadiness(context)
                                        .extracting(HealthCheck.Result::getState)
                                        .isEqualTo(state));
    }
}
