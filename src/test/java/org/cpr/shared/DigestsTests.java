package org.cpr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DigestsTests {

	@Test
	void lowerCaseHexOfUtf8() {
		assertThat(Digests.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Digests.sha256Hex("ä")).isEqualTo(Digests.sha256Hex("ä".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void partsAreFedInOrder() {
		assertThat(Digests.sha256Hex("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(Digests.sha256Hex("abc"));
	}

}
