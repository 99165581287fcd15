package io.retailhub.process.returns;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's return policy knobs.
 *
 * @param expiry how long an authorized return waits for the parcel before it expires (the
 * policy's days)
 * @param partialReceiptGrace how long a partly received return waits for the rest before it is
 * inspected with what arrived
 * @param numberPrefix what return numbers start with ({@code RH-00000042}); the number is the ERP
 * external reference of the RMA, so two hubs sharing one ERP need different prefixes
 */
@ConfigurationProperties("retailhub.returns")
@Validated
public record ReturnSettings(@DefaultValue("30d") Duration expiry, @DefaultValue("7d") Duration partialReceiptGrace,
		@DefaultValue("RH-") @Pattern(regexp = "[A-Z]{1,10}-") String numberPrefix) {
}
