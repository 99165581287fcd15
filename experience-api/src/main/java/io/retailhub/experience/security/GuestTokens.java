package io.retailhub.experience.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the portal's guest tokens: HS256 JWTs of experience-api's own, with role
 * {@code guest} and the one order they open in {@value ActingUser#ORDER_ID_CLAIM}. No customer ID:
 * a guest sees that order, never the rest of its customer's.
 */
@Component
public class GuestTokens {

	private static final Logger log = LoggerFactory.getLogger(GuestTokens.class);

	private final GuestTokenSettings settings;

	private final NimbusJwtEncoder encoder;

	private final JwtDecoder decoder;

	private final Clock clock;

	GuestTokens(GuestTokenSettings settings) {
		this.settings = settings;
		this.clock = Clock.systemUTC();
		SecretKey key = key(settings.secret());
		this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(settings.issuer()));
		this.decoder = decoder;
	}

	public record Issued(String token, Instant expiresAt) {
	}

	public Issued issue(String orderId) {
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.ttl());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.subject("guest:" + orderId)
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(ActingUser.ROLES_CLAIM, List.of(ActingUser.GUEST))
			.claim(ActingUser.ORDER_ID_CLAIM, orderId)
			.build();
		String token = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new Issued(token, expiresAt);
	}

	String issuer() {
		return this.settings.issuer();
	}

	JwtDecoder decoder() {
		return this.decoder;
	}

	private static SecretKey key(String secret) {
		byte[] bytes;
		if (secret == null || secret.isBlank()) {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			log.info("No guest token secret configured (RETAILHUB_GUEST_TOKEN_SECRET): guest tokens of this "
					+ "instance use a random key and end with it");
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				throw new IllegalStateException("The guest token secret must be at least 32 bytes long");
			}
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}
}
