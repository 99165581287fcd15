package io.retailhub.sandbox.backends.warehouse;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.retailhub.sandbox.backends.SandboxCredentials;
import io.retailhub.sandbox.backends.data.DemoData;
import io.retailhub.sandbox.backends.data.DemoInvoice;
import io.retailhub.sandbox.backends.data.DemoOrder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The advance notices a WMS gets from ERP about the customer returns (RMAs) to expect, read from
 * the simulated ERP the way an integration would: through its OData API
 * ({@code API_CUSTOMER_RETURN_SRV}, the same application, over HTTP) as ERP's communication user.
 * The ERP's store is its own business; its API is public. A consequence worth knowing: these reads
 * count as ERP requests ({@code GET /admin/requests}) and meet the faults injected into ERP.
 */
@Component
class ErpReturnNotices {

	private static final String CUSTOMER_RETURNS = "/erp/sap/opu/odata/sap/API_CUSTOMER_RETURN_SRV/A_CustomerReturn";

	/** ERP document numbers: up to ten characters, letters and digits. */
	private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[0-9A-Za-z]{1,10}");

	private static final Pattern ODATA_DATE = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Environment environment;

	private final JsonMapper json;

	private final String authorization;

	/** The hub order number of every seeded sales order and invoice (ERP document number to order number). */
	private final Map<String, String> orderNumbersByDocument = new HashMap<>();

	/** The order line an invoice item bills, by {@code <invoice>/<invoice item>}. */
	private final Map<String, String> orderLinesByInvoiceItem = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	ErpReturnNotices(Environment environment, JsonMapper json, SandboxCredentials credentials, DemoData data) {
		this.environment = environment;
		this.json = json;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((credentials.erpUsername() + ":" + credentials.erpPassword())
				.getBytes(StandardCharsets.UTF_8));
		for (DemoOrder order : data.orders()) {
			orderNumbersByDocument.put(order.salesOrder(), order.orderNumber());
			for (DemoInvoice invoice : order.invoices()) {
				orderNumbersByDocument.put(invoice.billingDocument(), order.orderNumber());
				invoice.items()
					.forEach(i -> orderLinesByInvoiceItem.put(invoice.billingDocument() + "/" + i.billingItem(),
							i.orderItem()));
			}
		}
	}

	/**
	 * The RMA with its items, or empty when ERP does not know it.
	 * @throws ErpUnavailableException when ERP does not answer as expected
	 */
	Optional<ReturnNotice> find(String rmaNumber) {
		if (rmaNumber == null || !DOCUMENT_NUMBER.matcher(rmaNumber).matches()) {
			return Optional.empty();
		}
		JsonNode body = get(CUSTOMER_RETURNS + "('" + rmaNumber + "')?$expand=to_Item", true);
		return body == null ? Optional.empty() : Optional.of(notice(body.path("d")));
	}

	/**
	 * The customer returns ERP has not processed yet (the ones the hub created, not the completed
	 * legacy ones of the demo data), rejected ones left out.
	 * @throws ErpUnavailableException when ERP does not answer as expected
	 */
	List<ReturnNotice> unprocessed() {
		String filter = URLEncoder.encode("RetsMgmtProcessingStatus eq 'A'", StandardCharsets.UTF_8).replace("+", "%20");
		JsonNode body = get(CUSTOMER_RETURNS + "?$filter=" + filter + "&$expand=to_Item", false);
		List<ReturnNotice> notices = new ArrayList<>();
		for (JsonNode header : body.path("d").path("results")) {
			if (!"C".equals(header.path("OverallSDDocumentRejectionSts").asString(""))) {
				notices.add(notice(header));
			}
		}
		return notices;
	}

	private JsonNode get(String pathAndQuery, boolean notFoundIsEmpty) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new ErpUnavailableException("the sandbox serves no HTTP port, so ERP cannot be read");
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.timeout(TIMEOUT)
			.header("Authorization", authorization)
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() == 404 && notFoundIsEmpty) {
				return null;
			}
			if (response.statusCode() != 200) {
				throw new ErpUnavailableException("ERP answered " + response.statusCode());
			}
			return json.readTree(response.body());
		}
		catch (IOException | JacksonException ex) {
			throw new ErpUnavailableException("ERP could not be read: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ErpUnavailableException("interrupted while reading ERP");
		}
	}

	/**
	 * The RMA as the WMS expects it, by order line: a return references the sales order, or an
	 * invoice whose items each bill an order line.
	 */
	private ReturnNotice notice(JsonNode header) {
		Map<String, ReturnNotice.Line> lines = new LinkedHashMap<>();
		String headerReference = header.path("ReferenceSDDocument").asString();
		int items = 0;
		for (JsonNode item : header.path("to_Item").path("results")) {
			items++;
			if (!item.path("SalesDocumentRjcnReason").asString("").isBlank()) {
				continue;
			}
			String reference = item.path("ReferenceSDDocument").asString("");
			String referenceItem = item.path("ReferenceSDDocumentItem").asString();
			String lineNumber = orderLinesByInvoiceItem.getOrDefault(
					(reference.isBlank() ? headerReference : reference) + "/" + referenceItem, referenceItem);
			int quantity = new BigDecimal(item.path("RequestedQuantity").asString("0")).intValue();
			lines.merge(lineNumber, new ReturnNotice.Line(lineNumber, item.path("Material").asString(), quantity),
					(a, b) -> new ReturnNotice.Line(a.lineNumber(), a.sku(), a.quantity() + b.quantity()));
		}
		return new ReturnNotice(header.path("CustomerReturn").asString(),
				orderNumbersByDocument.get(headerReference),
				instant(header.path("LastChangeDateTime").asString("")), List.copyOf(lines.values()),
				items > 0 && lines.isEmpty());
	}

	/** {@code /Date(1773480420000+0000)/}, OData V2's DateTimeOffset in JSON. */
	private static Instant instant(String odata) {
		Matcher matcher = ODATA_DATE.matcher(odata);
		if (!matcher.matches()) {
			throw new ErpUnavailableException("ERP sent an unreadable date: " + odata);
		}
		return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
	}

	/** ERP could not be asked, or answered something the WMS cannot use; asking again later may work. */
	static final class ErpUnavailableException extends RuntimeException {

		ErpUnavailableException(String message) {
			super(message);
		}
	}
}
