package io.retailhub.system.customers;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code ?email=...&phone=...&name=...}: what to find customers by; a customer matches every one
 * given. A phone may be written with spaces, dots, dashes and parentheses; only its digits and a
 * leading {@code +} count. A name is one to four words, each the start of the first or the last
 * name ({@code mar schm}).
 */
record CustomerSearch(@Email @Size(max = 254) String email,
		@Pattern(regexp = "\\+?[0-9][0-9 ()./-]{2,29}", message = "must be a phone number") String phone,
		@Size(min = 2, max = 80) @Pattern(regexp = "\\s*\\S+(\\s+\\S+){0,3}\\s*",
				message = "must be one to four words") String name) {

	@AssertTrue(message = "give an email, a phone number or a name")
	boolean isEmailOrPhoneOrName() {
		return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank())
				|| (name != null && !name.isBlank());
	}
}
