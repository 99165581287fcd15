package io.retailhub.sandbox.backends.payment;

import java.util.concurrent.ThreadLocalRandom;

/** Stripe-shaped identifiers: a type prefix ({@code re_}, {@code req_}, ...) and random letters and digits. */
final class StripeIds {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private StripeIds() {
	}

	static String next(String prefix, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
		for (int i = 0; i < length; i++) {
			id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}
}
