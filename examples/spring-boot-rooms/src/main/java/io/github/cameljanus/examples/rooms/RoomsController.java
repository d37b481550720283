/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import io.github.cameljanus.JanusBody;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API; each call is one exchange on a direct: route backed by janus: producers. */
@RestController
@RequestMapping("/rooms")
public class RoomsController {

    private final ProducerTemplate template;
    private final RoomStats stats;

    public RoomsController(ProducerTemplate template, RoomStats stats) {
        this.template = template;
        this.stats = stats;
    }

    /** Creates a room; the body holds VideoRoom create options (description, publishers, ...). */
    @PostMapping
    public ResponseEntity<JanusBody> create(
            @RequestBody(required = false) Map<String, Object> options) {
        JanusBody created =
                template.requestBody(
                        "direct:create-room",
                        options == null ? Map.of() : options,
                        JanusBody.class);
        return ResponseEntity.created(URI.create("/rooms/" + created.get("room"))).body(created);
    }

    /** The rooms Janus has (VideoRoom list). */
    @GetMapping
    public Object list() {
        return template.requestBody("direct:list-rooms", null, JanusBody.class).get("list");
    }

    /** The room's participants, without this application's monitor. */
    @GetMapping("/{id}/participants")
    public List<?> participants(@PathVariable long id) {
        JanusBody reply =
                template.requestBodyAndHeader(
                        "direct:list-participants", null, "room", id, JanusBody.class);
        long monitor = stats.monitorId(id);
        return ((List<?>) reply.get("participants"))
                .stream()
                        .filter(
                                p ->
                                        !(p instanceof Map<?, ?> m
                                                && m.get("id") instanceof Number n
                                                && n.longValue() == monitor))
                        .toList();
    }

    /** Live participant count of a room this application created (from its monitor's events). */
    @GetMapping("/{id}/stats")
    public ResponseEntity<?> stats(@PathVariable long id) {
        return stats.stats(id)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(
                        () -> {
                            ProblemDetail problem =
                                    ProblemDetail.forStatusAndDetail(
                                            HttpStatus.NOT_FOUND,
                                            "Room "
                                                    + id
                                                    + " is not monitored by this application"
                                                    + " (rooms created with POST /rooms are)");
                            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                        });
    }

    /** Destroys a room (with its secret, if it has one) and its monitor. */
    @DeleteMapping("/{id}")
    public JanusBody destroy(@PathVariable long id, @RequestParam(required = false) String secret) {
        Map<String, Object> headers =
                secret == null ? Map.of("room", id) : Map.of("room", id, "roomSecret", secret);
        return template.requestBodyAndHeaders(
                "direct:destroy-room", null, headers, JanusBody.class);
    }
}
