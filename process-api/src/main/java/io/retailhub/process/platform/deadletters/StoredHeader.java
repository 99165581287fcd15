package io.retailhub.process.platform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A Kafka header as the dead_letter table keeps it (a JSON array, in record order): as text when
 * the bytes are UTF-8, as base64 otherwise, so replay restores the exact bytes and people can
 * still read the CloudEvents headers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredHeader(String name, String text, String base64) {

	static StoredHeader of(String name, byte[] value) {
		byte[] bytes = value == null ? new byte[0] : value;
		return utf8(bytes).map(text -> new StoredHeader(name, text, null))
			.orElseGet(() -> new StoredHeader(name, null, Base64.getEncoder().encodeToString(bytes)));
	}

	byte[] bytes() {
		return this.text != null ? this.text.getBytes(StandardCharsets.UTF_8)
				: Base64.getDecoder().decode(this.base64 == null ? "" : this.base64);
	}

	/** The bytes as text, if they are well-formed UTF-8 without control characters other than whitespace. */
	static Optional<String> utf8(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			boolean printable = text.chars().allMatch(c -> !Character.isISOControl(c) || Character.isWhitespace(c));
			return printable ? Optional.of(text) : Optional.empty();
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
