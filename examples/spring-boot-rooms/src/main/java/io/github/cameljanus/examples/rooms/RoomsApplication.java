/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A REST API for Janus VideoRooms on camel-janus-starter, with live participant counts. */
@SpringBootApplication
public class RoomsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RoomsApplication.class, args);
    }
}
