/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules (docs/architecture.md): the client is framework-free; its API
 * (io.github.cameljanus.client) depends on the transport SPI, not on a transport implementation;
 * the transports depend on the SPI, not on the engine; the Camel layer uses the client's API and
 * the transport factories it chooses from, never the engine.
 */
class ArchitectureTest {

    private static final String CLIENT = "io.github.cameljanus.client";
    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.github.cameljanus");

    @Test
    void clientDoesNotDependOnCamel() {
        noClasses()
                .that()
                .resideInAPackage(CLIENT + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.camel..")
                .check(MAIN);
    }

    @Test
    void theApiDependsOnNoTransportImplementation() {
        noClasses()
                .that()
                .resideInAPackage(CLIENT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CLIENT + ".transport.jdk..", CLIENT + ".transport.tyrus..")
                .check(MAIN);
    }

    @Test
    void transportsDoNotReachIntoTheEngine() {
        noClasses()
                .that()
                .resideInAPackage(CLIENT + ".transport..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CLIENT + ".engine..")
                .check(MAIN);
    }

    @Test
    void theCamelLayerUsesTheClientsApiNotItsEngine() {
        noClasses()
                .that()
                .resideInAPackage("io.github.cameljanus")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(CLIENT + ".engine..")
                .check(MAIN);
    }
}
