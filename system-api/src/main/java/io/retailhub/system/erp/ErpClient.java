package io.retailhub.system.erp;

import io.retailhub.system.erp.SapDocuments.AvailabilityRecord;
import io.retailhub.system.erp.SapDocuments.BillingDocumentItem;
import io.retailhub.system.erp.SapDocuments.CreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.CustomerReturn;
import io.retailhub.system.erp.SapDocuments.CustomerReturnItemRejection;
import io.retailhub.system.erp.SapDocuments.NewCreditMemoRequest;
import io.retailhub.system.erp.SapDocuments.NewCustomerReturn;
import io.retailhub.system.erp.SapDocuments.PriceChange;
import io.retailhub.system.erp.SapDocuments.SalesOrder;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The SAP S/4HANA Cloud A2X OData V2 calls the hub makes. Query option values ({@code $filter},
 * function import parameters) are passed already in OData literal syntax ({@link SapFormats});
 * the client URL-encodes them. Keys go in quoted key predicates ({@code A_SalesOrder('...')}).
 */
@HttpExchange(url = "/sap/opu/odata/sap", accept = MediaType.APPLICATION_JSON_VALUE)
interface ErpClient {

	String SALES_ORDER_SRV = "API_SALES_ORDER_SRV";

	String CUSTOMER_RETURN_SRV = "API_CUSTOMER_RETURN_SRV";

	String CREDIT_MEMO_REQUEST_SRV = "API_CREDIT_MEMO_REQUEST_SRV";

	String BILLING_DOCUMENT_SRV = "API_BILLING_DOCUMENT_SRV";

	/** How OData V2 clients tunnel MERGE through POST. */
	String X_HTTP_METHOD = "X-HTTP-Method";

	@GetExchange("/" + SALES_ORDER_SRV + "/A_SalesOrder")
	OData.Feed<SalesOrder> salesOrders(@RequestParam("$filter") String filter,
			@RequestParam(name = "$expand", required = false) String expand,
			@RequestParam(name = "$orderby", required = false) String orderBy,
			@RequestParam(name = "$top", required = false) Integer top);

	@GetExchange("/" + SALES_ORDER_SRV + "/A_SalesOrder('{salesOrder}')")
	OData.Entry<SalesOrder> salesOrder(@PathVariable String salesOrder, @RequestParam("$select") String select);

	@GetExchange("/" + CUSTOMER_RETURN_SRV + "/A_CustomerReturn")
	OData.Feed<CustomerReturn> customerReturns(@RequestParam("$filter") String filter,
			@RequestParam("$expand") String expand);

	@GetExchange("/" + CUSTOMER_RETURN_SRV + "/A_CustomerReturn('{customerReturn}')")
	OData.Entry<CustomerReturn> customerReturn(@PathVariable String customerReturn,
			@RequestParam("$expand") String expand);

	/** One customer return with its {@code ETag} header, the token for changing it or its items. */
	@GetExchange("/" + CUSTOMER_RETURN_SRV + "/A_CustomerReturn('{customerReturn}')")
	ResponseEntity<OData.Entry<CustomerReturn>> customerReturnForChange(@PathVariable String customerReturn,
			@RequestParam("$expand") String expand);

	/**
	 * One document's {@code ETag} header, the token for changing it or its items (which declare no
	 * concurrency token of their own): a key read of the header, {@code $select} keeping it small.
	 */
	@GetExchange("/{service}/{entitySet}('{key}')")
	ResponseEntity<Void> etag(@PathVariable String service, @PathVariable String entitySet, @PathVariable String key,
			@RequestParam("$select") String select);

	/**
	 * Rejects a customer return item: MERGE tunneled through POST, as SAP clients send it, with the
	 * return's current ETag; answers 204, with no ETag (the item has no concurrency token).
	 */
	@PostExchange(url = "/" + CUSTOMER_RETURN_SRV
			+ "/A_CustomerReturnItem(CustomerReturn='{customerReturn}',CustomerReturnItem='{item}')",
			contentType = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> mergeCustomerReturnItem(@PathVariable String customerReturn, @PathVariable String item,
			@RequestHeader(X_HTTP_METHOD) String method, @RequestHeader(HttpHeaders.IF_MATCH) String etag,
			@RequestHeader(ErpErrors.CSRF_HEADER) String csrfToken, @RequestHeader(HttpHeaders.COOKIE) String cookie,
			@RequestBody CustomerReturnItemRejection change);

	@PostExchange(url = "/" + CUSTOMER_RETURN_SRV + "/A_CustomerReturn", contentType = MediaType.APPLICATION_JSON_VALUE)
	OData.Entry<CustomerReturn> createCustomerReturn(@RequestHeader(ErpErrors.CSRF_HEADER) String csrfToken,
			@RequestHeader(HttpHeaders.COOKIE) String cookie, @RequestBody NewCustomerReturn customerReturn);

	@GetExchange("/" + CREDIT_MEMO_REQUEST_SRV + "/A_CreditMemoRequest")
	OData.Feed<CreditMemoRequest> creditMemoRequests(@RequestParam("$filter") String filter,
			@RequestParam("$expand") String expand);

	@GetExchange("/" + CREDIT_MEMO_REQUEST_SRV + "/A_CreditMemoRequest('{creditMemoRequest}')")
	OData.Entry<CreditMemoRequest> creditMemoRequest(@PathVariable String creditMemoRequest,
			@RequestParam("$expand") String expand);

	/** One credit memo request with its {@code ETag} header, the token for changing its items' prices. */
	@GetExchange("/" + CREDIT_MEMO_REQUEST_SRV + "/A_CreditMemoRequest('{creditMemoRequest}')")
	ResponseEntity<OData.Entry<CreditMemoRequest>> creditMemoRequestForChange(@PathVariable String creditMemoRequest,
			@RequestParam("$expand") String expand);

	/**
	 * Changes an item's price condition ({@code A_CreditMemoReqItemPrcgElmnt}, not creatable, only
	 * changeable): MERGE tunneled through POST with the request's current ETag; answers 204.
	 */
	@PostExchange(url = "/" + CREDIT_MEMO_REQUEST_SRV
			+ "/A_CreditMemoReqItemPrcgElmnt(CreditMemoRequest='{creditMemoRequest}',CreditMemoRequestItem='{item}',"
			+ "PricingProcedureStep='{step}',PricingProcedureCounter='{counter}')",
			contentType = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> mergeCreditMemoRequestItemPrice(@PathVariable String creditMemoRequest,
			@PathVariable String item, @PathVariable String step, @PathVariable String counter,
			@RequestHeader(X_HTTP_METHOD) String method, @RequestHeader(HttpHeaders.IF_MATCH) String etag,
			@RequestHeader(ErpErrors.CSRF_HEADER) String csrfToken, @RequestHeader(HttpHeaders.COOKIE) String cookie,
			@RequestBody PriceChange change);

	@PostExchange(url = "/" + CREDIT_MEMO_REQUEST_SRV + "/A_CreditMemoRequest",
			contentType = MediaType.APPLICATION_JSON_VALUE)
	OData.Entry<CreditMemoRequest> createCreditMemoRequest(@RequestHeader(ErpErrors.CSRF_HEADER) String csrfToken,
			@RequestHeader(HttpHeaders.COOKIE) String cookie, @RequestBody NewCreditMemoRequest creditMemoRequest);

	/** Invoice items: which sales order item each bills. */
	@GetExchange("/" + BILLING_DOCUMENT_SRV + "/A_BillingDocumentItem")
	OData.Feed<BillingDocumentItem> billingDocumentItems(@RequestParam("$filter") String filter,
			@RequestParam("$select") String select, @RequestParam("$orderby") String orderBy);

	/** ATP over time for one material in one plant; parameters as OData literals ({@code 'A'}). */
	@GetExchange("/API_PRODUCT_AVAILY_INFO_BASIC/CalculateAvailabilityTimeseries")
	OData.Feed<AvailabilityRecord> availabilityTimeseries(@RequestParam("ATPCheckingRule") String checkingRule,
			@RequestParam("Material") String material, @RequestParam("SupplyingPlant") String supplyingPlant);

	/**
	 * The CSRF handshake: any GET with {@code x-csrf-token: Fetch}; the service root is the
	 * cheapest. Answers the token in the same header and the session in {@code Set-Cookie}.
	 */
	@GetExchange("/{service}/")
	ResponseEntity<Void> fetchCsrfToken(@PathVariable String service,
			@RequestHeader(ErpErrors.CSRF_HEADER) String fetch);
}
