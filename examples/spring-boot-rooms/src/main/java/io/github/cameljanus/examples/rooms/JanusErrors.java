/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.rooms;

import io.github.cameljanus.client.JanusClosedException;
import io.github.cameljanus.client.JanusConnectionLostException;
import io.github.cameljanus.client.JanusException;
import io.github.cameljanus.client.JanusPluginException;
import io.github.cameljanus.client.JanusTimeoutException;
import org.apache.camel.CamelExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Janus errors as HTTP answers (RFC 9457 problem details): the detail is Janus's own error text,
 * {@code janusCode} its code. Unknown room (VideoRoom 426) is 404, bad input 400.
 */
@RestControllerAdvice
public class JanusErrors {

    @ExceptionHandler(CamelExecutionException.class)
    public ProblemDetail camel(CamelExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof JanusPluginException plugin) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(status(plugin.code()), plugin.error());
            problem.setProperty("janusCode", plugin.code());
            return problem;
        }
        if (cause instanceof JanusTimeoutException
                || cause instanceof JanusConnectionLostException
                || cause instanceof JanusClosedException) {
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "Janus unavailable: " + cause.getMessage());
        }
        if (cause instanceof JanusException janus) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, janus.getMessage());
            problem.setProperty("janusCode", janus.code());
            return problem;
        }
        if (cause instanceof IllegalArgumentException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, cause.getMessage());
        }
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(cause.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not a JSON object");
    }

    /** VideoRoom error codes (janus_videoroom.c) to HTTP statuses. */
    static HttpStatus status(int videoRoomCode) {
        return switch (videoRoomCode) {
            case 426, 428 -> HttpStatus.NOT_FOUND; // no such room, no such feed
            case 427, 432, 436 -> HttpStatus.CONFLICT; // room exists, room full, id exists
            case 433 -> HttpStatus.FORBIDDEN; // unauthorized (wrong secret or pin)
            default -> HttpStatus.BAD_REQUEST; // missing/invalid element, unknown request, ...
        };
    }
}
