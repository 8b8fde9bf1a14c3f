package org.cpr.platform.bench;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-model scheduler charges a server's queue to the requests that waited in it:
 * arrivals keep their schedule when the server falls behind, and each latency counts from
 * the moment the request was due, not from when it could be sent.
 */
class OpenLoadTests {

	@Test
	void aServerThatFallsBehindShowsItsQueueInTheLatenciesAndTheAchievedRate() throws Exception {
		// one request at a time, 40 ms each: 25 per second at most, offered 50 per second
		Semaphore server = new Semaphore(1, true);
		OpenLoad.Journey journey = (k, steps) -> steps.request("request", () -> {
			server.acquire();
			try {
				Thread.sleep(40);
				return null;
			}
			finally {
				server.release();
			}
		});
		OpenLoad.Result result = OpenLoad.step("test", journey, "request", List.of("request"), 50, 1.0, true, 1,
				new AtomicLong());
		// 50 arrivals in one second served in about two: the last ones waited about a
		// second; a closed loop (or timing from the send) would report about 40 ms
		assertThat(result.worstP95()).isGreaterThan(600);
		assertThat(result.achieved()).isBetween(15.0, 30.0);
	}

	@Test
	void aServerThatKeepsUpIsMeasuredAtItsOwnPace() throws Exception {
		OpenLoad.Journey journey = (k, steps) -> steps.request("request", () -> {
			Thread.sleep(10);
			return null;
		});
		OpenLoad.Result result = OpenLoad.step("test", journey, "request", List.of("request"), 20, 1.0, true, 1,
				new AtomicLong());
		assertThat(result.worstP95()).isBetween(9.0, 200.0);
		assertThat(result.achieved()).isBetween(15.0, 25.0);
	}

}
