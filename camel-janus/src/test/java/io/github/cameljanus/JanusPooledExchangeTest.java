/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.cameljanus.client.fake.FakeJanus;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.spi.ExchangeFactoryManager;
import org.apache.camel.spi.PooledObjectFactory;
import org.junit.jupiter.api.Test;

/**
 * With Camel's pooled exchange factory, each event's exchange goes back to the pool exactly once:
 * released twice, one exchange would be handed to two events at the same time.
 */
class JanusPooledExchangeTest {

    @Test
    void everyEventsExchangeIsReleasedOnce() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        try (FakeJanus fake = FakeJanus.start();
                CamelContext context = new DefaultCamelContext()) {
            PooledExchangeFactory pooled = new PooledExchangeFactory();
            pooled.setStatisticsEnabled(true); // the consumer's own factory copies it
            context.getCamelContextExtension().setExchangeFactory(pooled);
            ExchangeFactoryManager pools =
                    context.getCamelContextExtension().getExchangeFactoryManager();
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus:" + fake.uri() + "?eventTypes=hangup")
                                    .process(e -> delivered.incrementAndGet());
                        }
                    });
            context.start();
            await().atMost(Duration.ofSeconds(5))
                    .ignoreExceptions()
                    .until(() -> fake.peer() != null);

            for (int i = 0; i < 20; i++) {
                fake.peer()
                        .send(
                                FakeJanus.json(
                                        "{\"janus\":\"hangup\",\"session_id\":5,\"sender\":6}"));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> delivered.get() == 20);

            PooledObjectFactory.Statistics statistics = pools.getStatistics();
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(
                            () ->
                                    assertThat(statistics.getReleasedCounter())
                                            .isEqualTo(
                                                    statistics.getCreatedCounter()
                                                            + statistics.getAcquiredCounter()));
            assertThat(statistics.getCreatedCounter() + statistics.getAcquiredCounter())
                    .isEqualTo(20);
        }
    }
}
