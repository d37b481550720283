/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * UP when the endpoint's connection is up and, for a consumer with a plugin, its managed handle is
 * attached; DOWN with the reason otherwise.
 */
final class JanusHealthCheck extends AbstractHealthCheck {

    private final Supplier<SharedConnection> connection;
    private final boolean needsManagedHandle;
    private final JanusEndpoint endpoint;

    JanusHealthCheck(
            String id,
            JanusEndpoint endpoint,
            Supplier<SharedConnection> connection,
            boolean needsManagedHandle) {
        super("camel", id);
        this.endpoint = endpoint;
        this.connection = connection;
        this.needsManagedHandle = needsManagedHandle;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("address", endpoint.addresses().toString());
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
        JanusConfiguration configuration = endpoint.getConfiguration();
        if (needsManagedHandle
                && configuration.getPlugin() != null
                && !current.managedHandle(configuration.getPlugin(), configuration.getOpaqueId())
                        .isAttached()) {
            builder.down().message("Managed handle not attached to " + configuration.getPlugin());
            return;
        }
        builder.up();
    }
}
