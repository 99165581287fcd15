package io.retailhub.sandbox.backends.faults;

import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fault injection per backend: {@code PUT /admin/faults/erp {"outage":true}} takes ERP down,
 * {@code DELETE /admin/faults/erp} heals it.
 */
@RestController
@RequestMapping("/admin/faults")
class FaultAdminController {

	private final Faults faults;

	FaultAdminController(Faults faults) {
		this.faults = faults;
	}

	@GetMapping
	Map<String, Fault> all() {
		Map<String, Fault> all = new LinkedHashMap<>();
		faults.all().forEach((backend, fault) -> all.put(backend.id(), fault));
		return all;
	}

	@GetMapping("/{backend}")
	Fault get(@PathVariable String backend) {
		return faults.current(backend(backend));
	}

	@PutMapping("/{backend}")
	ResponseEntity<Fault> inject(@PathVariable String backend, @Valid @RequestBody Fault fault) {
		faults.inject(backend(backend), fault);
		return ResponseEntity.ok(fault);
	}

	@DeleteMapping("/{backend}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clear(@PathVariable String backend) {
		faults.clear(backend(backend));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void clearAll() {
		faults.clearAll();
	}

	private static Backend backend(String id) {
		return Backend.byId(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"unknown backend '" + id + "'; known: " + Arrays.stream(Backend.values())
						.map(Backend::id)
						.collect(Collectors.joining(", "))));
	}
}
