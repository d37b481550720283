/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.events;

import io.github.cameljanus.ComponentMetadata;
import io.github.cameljanus.JanusComponentSupport;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code janus-events:} component: holds the default options, the listeners (one per host and
 * port) and the Vert.x they run on: the registry's (or the one given), else its own, made with the
 * first listener and closed when the component stops.
 */
@Component("janus-events")
public class JanusEventsComponent extends JanusComponentSupport {

    private static final Logger LOG = LoggerFactory.getLogger(JanusEventsComponent.class);

    @Metadata(description = "Default options for every endpoint of this component")
    private JanusEventsConfiguration configuration = new JanusEventsConfiguration();

    @Metadata(label = "advanced", autowired = true)
    private Vertx vertx;

    private final EventListeners listeners = new EventListeners();
    private Vertx ownVertx;

    public JanusEventsComponent() {
        super(ComponentMetadata.of(JanusEventsComponent.class, "janus-events"));
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters)
            throws Exception {
        JanusEventsEndpoint endpoint =
                new JanusEventsEndpoint(uri, this, ListenAddress.parse(remaining));
        endpoint.setConfiguration(configuration.copy());
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The Vert.x the listeners run on: the given one, else the component's own. */
    synchronized Vertx vertx() {
        if (vertx != null) {
            return vertx;
        }
        if (ownVertx == null) {
            // Its threads are named janus-events-...; one event loop is plenty for pushes.
            VertxOptions options =
                    new VertxOptions()
                            .setEventLoopPoolSize(1)
                            .setWorkerPoolSize(1)
                            .setInternalBlockingPoolSize(1);
            ownVertx =
                    new VertxBuilder(options).threadFactory(new NamedVertxThreads()).init().vertx();
        }
        return ownVertx;
    }

    /** Vert.x's threads, named janus-events-... like every thread of this project. */
    private static final class NamedVertxThreads implements VertxThreadFactory {
        @Override
        public VertxThread newVertxThread(
                Runnable target,
                String name,
                boolean worker,
                long maxExecTime,
                TimeUnit maxExecTimeUnit) {
            return new VertxThread(
                    target, "janus-events-" + name, worker, maxExecTime, maxExecTimeUnit);
        }
    }

    EventListeners listeners() {
        return listeners;
    }

    @Override
    protected void doStop() throws Exception {
        Vertx own;
        synchronized (this) {
            own = ownVertx;
            ownVertx = null;
        }
        if (own != null) {
            try {
                own.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Closing the janus-events Vert.x: {}", e.getMessage());
            }
        }
        super.doStop();
    }

    public JanusEventsConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint of this component; each endpoint gets a copy. */
    public void setConfiguration(JanusEventsConfiguration configuration) {
        this.configuration = configuration;
    }

    public Vertx getVertx() {
        return vertx;
    }

    /**
     * The Vert.x to run the listeners on (a single one in the registry is used); without one the
     * component runs its own, with threads named janus-events-..., closed when it stops.
     */
    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }
}
