package io.retailhub.system.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailhub.sandbox.backends.data.DemoCustomer;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.system.support.Sandbox;
import io.retailhub.system.support.SystemApiHttp;
import io.retailhub.system.support.SystemApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@SystemApiIntegrationTest
class CustomerApiIntegrationTests {

	@LocalServerPort
	int port;

	RestClient http;

	final DemoCustomer showcase = Sandbox.data().customer(DemoData.Showcase.CUSTOMER);

	@BeforeEach
	void client() {
		http = SystemApiHttp.client(port, "/api/system/v1/customers");
	}

	@Test
	void answersACustomerByCustomerNumber() {
		ResponseEntity<JsonNode> response = http.get().uri("/{id}", showcase.number()).retrieve().toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode customer = response.getBody();
		assertThat(customer.get("id").asString()).isEqualTo(showcase.number());
		assertThat(customer.get("firstName").asString()).isEqualTo(showcase.firstName());
		assertThat(customer.get("lastName").asString()).isEqualTo(showcase.lastName());
		assertThat(customer.get("email").asString()).isEqualTo(showcase.email());
		assertThat(customer.get("phone").asString()).isEqualTo(showcase.phone());
		JsonNode address = customer.get("address");
		assertThat(address.get("line1").asString()).isEqualTo(showcase.street());
		assertThat(address.get("city").asString()).isEqualTo(showcase.city());
		assertThat(address.get("postalCode").asString()).isEqualTo(showcase.postalCode());
		assertThat(address.get("region").asString()).isEqualTo(showcase.region());
		assertThat(address.get("country").asString()).isEqualTo(showcase.country());
	}

	@Test
	void answersANotFoundProblemForAnUnknownCustomer() {
		ResponseEntity<String> response = http.get().uri("/{id}", "99999999").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("https://retailhub.io/problems/not-found");
	}

	@Test
	void findsCustomersByEmailOrPhone() {
		JsonNode byEmail = http.get().uri("?email={email}", showcase.email().toUpperCase()).retrieve().body(JsonNode.class);
		JsonNode byPhone = http.get().uri("?phone={phone}", showcase.phone()).retrieve().body(JsonNode.class);

		assertThat(byEmail.size()).isEqualTo(1);
		assertThat(byEmail.get(0).get("id").asString()).isEqualTo(showcase.number());
		assertThat(byPhone.findValuesAsString("id")).containsExactly(showcase.number());
	}

	@Test
	void findsCustomersByName() {
		JsonNode byName = http.get()
			.uri("?name={name}&email={email}", showcase.lastName().toLowerCase() + " " + showcase.firstName(),
					showcase.email())
			.retrieve()
			.body(JsonNode.class);

		assertThat(byName.findValuesAsString("id")).containsExactly(showcase.number());
	}

	@Test
	void refusesASearchWithoutEmailOrPhone() {
		ResponseEntity<JsonNode> response = http.get().retrieve().toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("type").asString()).isEqualTo("https://retailhub.io/problems/invalid-request");
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactly("emailOrPhoneOrName");
	}

	@Test
	void refusesAMalformedEmailPhoneOrName() {
		ResponseEntity<JsonNode> response = http.get()
			.uri("?email={email}&phone={phone}&name={name}", "not-an-email", "call me", "a b c d e")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
				"phone", "name");
	}
}
