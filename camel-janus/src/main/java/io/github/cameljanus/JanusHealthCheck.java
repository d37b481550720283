/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.HealthCheckComponent;

/**
 * UP when a consumer's or producer's connection is up and what else it needs holds (a {@code
 * janus:} consumer with a plugin: its managed handle attached); DOWN with the reason otherwise.
 */
final class JanusHealthCheck extends AbstractHealthCheck {

    /** Nothing needed beyond the connection. */
    static final Function<SharedConnection, String> CONNECTION_ONLY = connection -> null;

    private final List<URI> addresses;
    private final Supplier<SharedConnection> connection;
    private final Function<SharedConnection, String> otherDownReason;

    /**
     * @param connection the connection now, null while not started
     * @param otherDownReason why it is DOWN though connected, or null when it is UP
     */
    JanusHealthCheck(
            String id,
            List<URI> addresses,
            Supplier<SharedConnection> connection,
            Function<SharedConnection, String> otherDownReason) {
        super("camel", id);
        this.addresses = addresses;
        this.connection = connection;
        this.otherDownReason = otherDownReason;
    }

    /**
     * Gives a consumer its check, for Camel's consumers repository (looked up here, which makes
     * Camel load it), enabled as the component's healthCheckConsumerEnabled says. Its id is the one
     * that repository gives the route, {@code consumer:<routeId>}.
     */
    static void registerFor(
            DefaultConsumer consumer,
            List<URI> addresses,
            Supplier<SharedConnection> connection,
            Function<SharedConnection, String> otherDownReason) {
        HealthCheckRepository repository =
                HealthCheckHelper.getHealthCheckRepository(
                        consumer.getEndpoint().getCamelContext(),
                        "consumers",
                        HealthCheckRepository.class);
        if (repository != null) {
            JanusHealthCheck check =
                    new JanusHealthCheck(
                            "consumer:" + consumer.getRouteId(),
                            addresses,
                            connection,
                            otherDownReason);
            check.setEnabled(
                    ((HealthCheckComponent) consumer.getEndpoint().getComponent())
                            .isHealthCheckConsumerEnabled());
            consumer.setHealthCheck(check);
        }
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("address", addresses.toString());
        SharedConnection current = connection.get();
        if (current == null) {
            builder.down().message("Not started");
            return;
        }
        String down = current.downReason();
        if (down != null) {
            builder.detail("state", current.client().state().name());
            Throwable last = current.client().lastFailure();
            if (last != null) {
                builder.error(last);
            }
            builder.down().message(down);
            return;
        }
        String other = otherDownReason.apply(current);
        if (other != null) {
            builder.down().message(other);
            return;
        }
        builder.up();
    }
}
