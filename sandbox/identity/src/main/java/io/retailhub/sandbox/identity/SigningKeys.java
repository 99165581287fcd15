package io.retailhub.sandbox.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RS256 key that signs tokens: generated at start, or kept in a file so that tokens survive a
 * restart of the local run. The file holds a private key: it belongs in the run's data directory,
 * never in the repository.
 */
final class SigningKeys {

	private SigningKeys() {
	}

	static RSAKey load(Path keyFile) {
		try {
			if (keyFile != null && Files.isRegularFile(keyFile)) {
				return RSAKey.parse(Files.readString(keyFile));
			}
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyID(UUID.randomUUID().toString())
				.generate();
			if (keyFile != null) {
				Files.createDirectories(keyFile.toAbsolutePath().getParent());
				Files.writeString(keyFile, key.toJSONString());
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the signing key in " + keyFile, ex);
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException("Cannot load or generate the signing key", ex);
		}
	}

}
