package io.retailhub.system.customers;

import java.util.List;

import io.retailhub.contracts.Customer;
import io.retailhub.contracts.CustomerId;
import io.retailhub.system.backend.ResourceNotFoundException;
import io.retailhub.system.crm.SalesforceCrmAdapter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer profiles as the CRM keeps them, by customer number or found by email, phone or name. */
@RestController
@RequestMapping("/api/system/v1/customers")
@Tag(name = "Customers", description = "Customer profiles from the CRM")
class CustomerController {

	private final SalesforceCrmAdapter crm;

	CustomerController(SalesforceCrmAdapter crm) {
		this.crm = crm;
	}

	@GetMapping("/{customerId}")
	@Operation(summary = "One customer by customer number")
	Customer customer(@PathVariable CustomerId customerId) {
		return crm.findCustomer(customerId)
			.orElseThrow(() -> new ResourceNotFoundException("customer", customerId.value()));
	}

	@GetMapping
	@Operation(summary = "Customers with this email (ignoring case), phone number and/or name (words that start the first or last name); at least one is required")
	List<Customer> search(@Valid CustomerSearch search) {
		return crm.searchCustomers(search.email(), search.phone(), search.name());
	}
}
