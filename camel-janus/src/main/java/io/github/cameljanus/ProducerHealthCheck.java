/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.HealthCheckComponent;

/**
 * A producer's {@link JanusHealthCheck} in Camel's producers repository: added when the producer
 * starts, removed when it stops; enabled as the component's healthCheckProducerEnabled says.
 */
final class ProducerHealthCheck {

    private final WritableHealthCheckRepository repository;
    private final JanusHealthCheck check;

    private ProducerHealthCheck(WritableHealthCheckRepository repository, JanusHealthCheck check) {
        this.repository = repository;
        this.check = check;
    }

    /** Registers it; null when the context has no producers repository (health is off). */
    static ProducerHealthCheck register(
            Endpoint endpoint,
            String id,
            List<URI> addresses,
            Supplier<SharedConnection> connection) {
        WritableHealthCheckRepository repository =
                HealthCheckHelper.getHealthCheckRepository(
                        endpoint.getCamelContext(),
                        "producers",
                        WritableHealthCheckRepository.class);
        if (repository == null) {
            return null;
        }
        JanusHealthCheck check =
                new JanusHealthCheck(id, addresses, connection, JanusHealthCheck.CONNECTION_ONLY);
        check.setEnabled(
                ((HealthCheckComponent) endpoint.getComponent()).isHealthCheckProducerEnabled());
        repository.addHealthCheck(check);
        return new ProducerHealthCheck(repository, check);
    }

    void unregister() {
        repository.removeHealthCheck(check);
    }
}
