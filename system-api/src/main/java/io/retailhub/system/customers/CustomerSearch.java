package io.retailhub.system.customers;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code ?email=...&phone=...}: what to find customers by. A phone may be written with spaces,
 * dots, dashes and parentheses; only its digits and a leading {@code +} count.
 */
record CustomerSearch(@Email @Size(max = 254) String email,
		@Pattern(regexp = "\\+?[0-9][0-9 ()./-]{2,29}", message = "must be a phone number") String phone) {

	@AssertTrue(message = "give an email or a phone number")
	boolean isEmailOrPhone() {
		return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
	}
}
