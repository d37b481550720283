/*
 * Copyright the camel-janus authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.github.cameljanus.examples.browsercall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class CallRequestsTest {

    private static Exchange page(String body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("room", "4242");
        exchange.setProperty("room", CallRequests.room(exchange));
        return exchange;
    }

    @Test
    void takesOnlyTypeAndSdpOfTheJsep() {
        Exchange e = page("{\"jsep\":{\"type\":\"offer\",\"sdp\":\"v=0\",\"extra\":1}}");
        assertThat(CallRequests.jsep(e)).isEqualTo(Map.of("type", "offer", "sdp", "v=0"));
    }

    @Test
    void refusesWhatIsNotAJsonObjectOrLacksWhatTheRouteNeeds() {
        assertThatThrownBy(() -> CallRequests.jsep(page("nope")))
                .isInstanceOf(CallRequests.BadRequestException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CallRequests.jsep(page("[1]")))
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> CallRequests.jsep(page("{\"jsep\":{\"type\":\"offer\"}}")))
                .hasMessageContaining("sdp");
        assertThatThrownBy(() -> CallRequests.feed(page("{\"feed\":\"x\"}")))
                .hasMessageContaining("feed");
        assertThatThrownBy(() -> CallRequests.candidate(page("{}")))
                .hasMessageContaining("candidate");
        Exchange badRoom = page("{}");
        badRoom.getMessage().setHeader("room", "lobby");
        assertThatThrownBy(() -> CallRequests.room(badRoom)).hasMessageContaining("lobby");
    }

    @Test
    void trickleTakesACandidateOrTheEndOfCandidates() {
        assertThat(
                        CallRequests.candidate(
                                page(
                                        "{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ"
                                                + " host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}")))
                .containsEntry("sdpMid", "0")
                .containsEntry("sdpMLineIndex", 0)
                .containsKey("candidate");
        assertThat(CallRequests.candidate(page("{\"completed\":true}")))
                .isEqualTo(Map.of("completed", true));
    }

    @Test
    void videoRoomRequestsNameTheRoomOfThePath() {
        Exchange publisher = page("{\"display\":\"alice\"}");
        assertThat(CallRequests.publish(publisher))
                .containsEntry("request", "joinandconfigure")
                .containsEntry("room", 4242L)
                .containsEntry("ptype", "publisher")
                .containsEntry("display", "alice");
        Exchange subscriber = page("{}");
        subscriber.setProperty("feed", 7L);
        assertThat(CallRequests.subscribe(subscriber))
                .containsEntry("ptype", "subscriber")
                .containsEntry("streams", java.util.List.of(Map.of("feed", 7L)));
        CallRequests.roomReady(Map.of("videoroom", "created"));
        CallRequests.roomReady(Map.of("error_code", 427, "error", "Room 4242 already exists"));
        assertThatThrownBy(() -> CallRequests.roomReady(Map.of("error_code", 499)))
                .hasMessageContaining("499");
    }

    @Test
    void aBadPortSettingFailsNamingTheSettingAndTheValue() {
        assertThat(BrowserCallApp.port("browser-call.http-port", "8080")).isEqualTo(8080);
        assertThatThrownBy(() -> BrowserCallApp.port("browser-call.http-port", "eighty"))
                .hasMessageContaining("browser-call.http-port")
                .hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> BrowserCallApp.port("browser-call.http-port", "70000"))
                .hasMessageContaining("'70000'");
    }
}
