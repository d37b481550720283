/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * Secrets are masked where Camel prints endpoints and configuration: the endpoints' text, JMX (the
 * endpoint MBeans' names and attributes), the dev consoles, the health checks' details. Route dumps
 * print a route's source as written, so a secret given by a placeholder (the documented way) shows
 * as the placeholder.
 */
class JanusSecretsInDumpsTest {

    private static final String API_SECRET = "s3cret-in-a-uri";
    private static final String TOKEN = "t0ken-in-a-uri";
    private static final String ADMIN_SECRET = "adm1n-in-a-uri";

    @Test
    void secretsAreMaskedInEndpointsJmxConsolesHealthAndRouteDumps() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("janus.secret", API_SECRET);
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addRoutes(
                    new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("janus:ws://127.0.0.1:1?plugin=janus.plugin.echotest"
                                            + "&connectTimeout=1s&apiSecret={{janus.secret}}"
                                            + "&token="
                                            + TOKEN)
                                    .routeId("events")
                                    .to("janus:ws://127.0.0.1:1?apiSecret={{janus.secret}}");
                            from("janus-admin:ws://127.0.0.1:1?operation=listSessions"
                                            + "&connectTimeout=1s&adminSecret="
                                            + ADMIN_SECRET)
                                    .routeId("admin-poll")
                                    .to("janus-admin:ws://127.0.0.1:1?adminSecret=" + ADMIN_SECRET);
                        }
                    });
            context.start();

            StringBuilder printed = new StringBuilder();
            for (Endpoint endpoint : context.getEndpoints()) {
                printed.append(endpoint).append('\n');
            }
            printed.append(jmx());
            DevConsoleRegistry consoles =
                    context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
            for (String id : List.of("endpoint", "route", "health", "janus")) {
                DevConsole console = consoles.resolveById(id);
                assertThat(console).as(id).isNotNull();
                String text = String.valueOf(console.call(DevConsole.MediaType.TEXT));
                assertThat(text).as(id).containsIgnoringCase("janus");
                printed.append(text).append('\n');
            }
            HealthCheckHelper.invoke(context)
                    .forEach(result -> printed.append(result.getDetails()).append('\n'));
            assertThat(printed.toString())
                    .contains("apiSecret", "janus://", "adminSecret", "janus-admin://")
                    .doesNotContain(API_SECRET)
                    .doesNotContain(TOKEN)
                    .doesNotContain(ADMIN_SECRET);

            ModelCamelContext model = (ModelCamelContext) context;
            String dumps =
                    PluginHelper.getModelToXMLDumper(context)
                                    .dumpModelAsXml(context, model.getRouteDefinition("events"))
                            + PluginHelper.getModelToYAMLDumper(context)
                                    .dumpModelAsYaml(context, model.getRouteDefinition("events"));
            assertThat(dumps).contains("{{janus.secret}}").doesNotContain(API_SECRET);
        }
    }

    /** The names and attribute values of every Camel MBean. */
    private static String jmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:*"), null);
        assertThat(names).anyMatch(name -> name.toString().contains("janus"));
        for (ObjectName name : names) {
            text.append(name).append('\n');
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    text.append(attribute.getName())
                            .append('=')
                            .append(server.getAttribute(name, attribute.getName()))
                            .append('\n');
                } catch (Exception | LinkageError unreadable) {
                    // an attribute that cannot be read prints nothing either
                }
            }
        }
        return text.toString();
    }
}
