package io.retailhub.sandbox.identity;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeysTests {

	@Test
	void keepsTheKeyAcrossRestartsWhenGivenAFile(@TempDir Path data) {
		Path keyFile = data.resolve("identity/signing-key.json");

		String first = SigningKeys.load(keyFile).getKeyID();
		String again = SigningKeys.load(keyFile).getKeyID();

		assertThat(again).isEqualTo(first);
	}

	@Test
	void makesANewKeyEveryStartWithoutAFile() {
		assertThat(SigningKeys.load(null).getKeyID()).isNotEqualTo(SigningKeys.load(null).getKeyID());
	}

}
